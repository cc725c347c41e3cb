/**
 * Small value types shared by the catalog and the tenant domain: typed identifiers and the checks that
 * every entity constructor relies on, so an invalid value is refused where it is made rather than where it is used.
 */
package app.strongroom.common;
