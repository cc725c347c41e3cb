/** Contacts: the people and companies a tenant does business with; the first slice of the ERP. */
package app.strongroom.tenant.contact;
