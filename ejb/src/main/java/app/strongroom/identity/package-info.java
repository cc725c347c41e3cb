/**
 * Who is calling: the typed roles, the caller names the identity store issues, and the sign-in use cases for the two
 * realms (tenant users, resolved through the tenant's own database; platform staff, resolved through the catalog).
 */
package app.strongroom.identity;
