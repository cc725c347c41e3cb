/** The staff console: the tenant list and, for operators, deleting a tenant. */
package app.strongroom.web.staff;
