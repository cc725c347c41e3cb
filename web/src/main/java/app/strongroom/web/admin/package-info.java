/** The tenant administrator's pages: security settings, locked accounts and the security audit trail. */
package app.strongroom.web.admin;
