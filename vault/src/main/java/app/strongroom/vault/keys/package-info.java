/**
 * Envelope encryption (P14): the platform master key, from which a key-wrapping key and the catalog backups' key are
 * derived, and each tenant's data keyset (Tink streaming AEAD, AES256_GCM_HKDF_1MB), kept only wrapped by the master
 * key. Rotating the master key re-wraps keysets; rotating a data key adds a new primary key, old ones still decrypt.
 */
package app.strongroom.vault.keys;
