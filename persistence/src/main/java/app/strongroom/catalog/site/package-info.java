/**
 * Copies at sites (P7): which object is verified at which site, each site's replication state, deletions owed to
 * sites that were down, and the rule that makes a backup safe (three sites, two continents).
 */
package app.strongroom.catalog.site;
