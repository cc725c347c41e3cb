/**
 * The vault: what a backup is once it leaves the database. Envelope keys ({@code keys}), the encrypted backup format
 * ({@code format}) and the places backups are kept ({@code location}). Plain Java on purpose: the server writes
 * backups with it and the offline recovery tool reads them with nothing but the master key and a backup location.
 */
package app.strongroom.vault;
