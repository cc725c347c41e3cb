/**
 * Downloads of backups (P8): the tenant administrator's backups page and the servlet that streams a live backup or a
 * kept one, with HTTP ranges for resuming (RFC 9110).
 */
package app.strongroom.web.download;
