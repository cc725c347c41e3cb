/** The contact list (lazy PrimeFaces table backed by database paging) and the contact edit page. */
package app.strongroom.web.contacts;
