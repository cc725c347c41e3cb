/**
 * Tenant API keys: a user makes, lists and revokes their own, the tenant's administrator sees and revokes any; the
 * API's authentication checks a presented key on every request (its state, its user's account, the rate limit) and
 * records creations, revocations and refusals in the tenant's audit trail.
 */
package app.strongroom.apikey;
