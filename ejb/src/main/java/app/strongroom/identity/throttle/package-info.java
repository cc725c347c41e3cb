/**
 * Sign-in throttling (P3). Failures are counted per (tenant, login), per (tenant, client address) and per client
 * address across the whole platform, in a JCache that Payara keeps in its Hazelcast data grid, so every server
 * instance sees the same counts and locks. The check runs before any password hash is computed: a locked sign-in is
 * refused at once, with the same message as any failure, and costs no PBKDF2.
 */
package app.strongroom.identity.throttle;
