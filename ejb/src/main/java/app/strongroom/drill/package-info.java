/**
 * The daily restore drill (P11): each tenant's newest safe backup fetched from a site (a different one each day),
 * restored into a scratch database with the restore code itself, checked and dropped; a failure raises an alarm and
 * has the copy replaced.
 */
package app.strongroom.drill;
