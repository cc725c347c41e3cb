/**
 * Outgoing e-mail (invitations, password links) through Jakarta Mail to the configured SMTP server. The transport is
 * chosen by settings alone: an SMTP server, or for development a folder of {@code .eml} files, or none (then sending
 * fails with a clear reason and nothing that depends on the mail is saved).
 */
package app.strongroom.mail;
