/**
 * The tenant administrator's security console: lock-out and password settings, the accounts locked right now (with
 * unlock), and the tenant's security audit trail. Everything here is audited in that trail.
 */
package app.strongroom.security;
