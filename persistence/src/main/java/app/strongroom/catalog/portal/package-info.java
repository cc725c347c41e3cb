/**
 * What the platform keeps about a tenant's signed portal links (P21): only the tenant-wide generation that voids them
 * all, kept here rather than in the tenant's database so a restore cannot revive revoked links.
 */
package app.strongroom.catalog.portal;
