/**
 * The platform catalog: the tenants Strongroom hosts, the PostgreSQL servers that hold their databases and the
 * platform staff. It lives in its own database, apart from every tenant database (P1), and is reached through the
 * container-managed {@code catalog} persistence unit.
 */
package app.strongroom.catalog;
