/**
 * Tenant data keys (P14): created at sign-up, kept wrapped by the master key in the catalog and beside the backups
 * at every location, rotated on request, re-wrapped when the master key changes, destroyed everywhere with the tenant.
 */
package app.strongroom.keys;
