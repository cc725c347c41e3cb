/**
 * The backup format (P6): a zip a person can use anywhere ({@code dump.sql} for stock psql, {@code filestore/} with the
 * stored files, {@code manifest.json} with versions, row counts, sizes and SHA-256 digests), written as one stream and
 * encrypted as a whole with the tenant's streaming AEAD, bound to tenant and backup so no file can be passed off as
 * another. Reading checks every segment's tag and every digest before anything is handed on.
 */
package app.strongroom.vault.format;
