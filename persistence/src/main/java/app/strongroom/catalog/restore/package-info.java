/**
 * Restores of a tenant's backups by the helpdesk (P9), into the live database or a side database next to it: who asked,
 * why (the ticket), from which backup, what happened, and the database it made.
 */
package app.strongroom.catalog.restore;
