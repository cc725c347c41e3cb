/**
 * A tenant user's own API keys page: make one (shown once), see them with their last use, revoke one; the tenant's
 * administrator also sees and revokes every key of the tenant there.
 */
package app.strongroom.web.apikeys;
