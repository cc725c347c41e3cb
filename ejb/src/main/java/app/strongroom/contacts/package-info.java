/**
 * Contacts of the signed-in user's tenant: list (paged, sorted and filtered in the database), show, create, edit
 * and delete. Every call works on the caller's own tenant database, so an id from another tenant finds nothing.
 */
package app.strongroom.contacts;
