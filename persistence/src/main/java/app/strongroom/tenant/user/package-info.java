/** The people who sign in to one tenant's ERP: their login, e-mail, password hash and whether they administer it. */
package app.strongroom.tenant.user;
