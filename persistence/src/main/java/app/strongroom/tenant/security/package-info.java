/**
 * A tenant's security: the administrator's settings (lock-out threshold and cooldown, password length) and the
 * tenant's append-only security audit trail (locks, unlocks, settings changes).
 */
package app.strongroom.tenant.security;
