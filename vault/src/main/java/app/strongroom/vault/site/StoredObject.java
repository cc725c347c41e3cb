package app.strongroom.vault.site;

/** An object at a site: its key, its size in bytes, and its SHA-256 in hex when known (empty when only listed). */
public record StoredObject(String key, long size, String sha256) {
}
