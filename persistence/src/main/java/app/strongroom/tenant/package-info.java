/**
 * The ERP that each tenant runs, stored in the tenant's own database and reached only through the tenant's own
 * persistence unit ({@code META-INF/tenant-persistence.xml}).
 */
package app.strongroom.tenant;
