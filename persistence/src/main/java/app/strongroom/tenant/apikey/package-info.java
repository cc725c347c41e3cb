/**
 * API keys of a tenant's users: what their scripts present to the tenant JSON API instead of a session. A key names
 * its tenant in clear and is verified by the SHA-256 kept in that tenant's own database, so no request parameter
 * decides which tenant a key opens; a key acts as its user, with the user's rights at the time of use, never more.
 */
package app.strongroom.tenant.apikey;
