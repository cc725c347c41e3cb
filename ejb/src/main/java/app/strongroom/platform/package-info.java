/**
 * The platform underneath the tenants: configuration, the PostgreSQL servers and the administrative DDL run on them,
 * versioned migrations of the catalog and of every tenant database, and the start-up sequence that brings them to the
 * current version before any request is served.
 */
package app.strongroom.platform;
