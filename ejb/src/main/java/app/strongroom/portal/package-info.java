/**
 * Signed portal links (P21): a customer views a sales order and confirms or declines it through a mailed link,
 * without an account. A link is an HMAC-SHA256 token over tenant, order, purpose, expiry and two revocation
 * generations (the order's, in the tenant's database, and the tenant's, in the catalog); its key is derived from the
 * platform's master key, so nothing in a tenant's database or backup can forge one. Every failure of a link looks
 * alike to its holder, and every use is in the tenant's audit trail.
 */
package app.strongroom.portal;
