/**
 * Where backups are kept: a directory laid out so that it explains itself to the offline recovery tool. Per tenant its
 * wrapped key and its backups (named by UTC time and id); beside them the platform catalog's backups.
 */
package app.strongroom.vault.location;
