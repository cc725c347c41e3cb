package app.strongroom.vault.format;

/** A backup as written: its manifest, and the size and SHA-256 (hex) of the encrypted file. */
public record Sealed(Manifest manifest, long ciphertextSize, String ciphertextSha256) {
}
