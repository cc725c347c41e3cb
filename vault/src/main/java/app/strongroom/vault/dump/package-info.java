/**
 * A plain SQL dump of one PostgreSQL database, made without pg_dump (the embedded server has none, and Debian's
 * pg_dump 15 refuses a PostgreSQL 17 server): the schema read from the system catalogs, the rows through COPY, all in
 * one repeatable-read snapshot. Stock psql restores it into an empty database, and so does PostgresRestore through
 * JDBC alone, where there is no psql.
 */
package app.strongroom.vault.dump;
