package app.strongroom.vault.site;

import java.io.InputStream;
import java.util.List;

/**
 * Where a site keeps its objects. Object keys are relative paths such as {@code tenants/<id>/key.json}; every
 * operation fails with a {@link SiteException} whose message says which site and why, in words an operator acts on
 * (full, read-only, unreachable, credentials refused), and never contains a credential.
 */
public interface SiteStore extends AutoCloseable {

    /**
     * Writes {@code key} from {@code content}, streamed with bounded memory (no full temporary copy): a reader sees
     * the old object or the complete new one, never half of one. {@code expectedSha256} (hex) is what the caller
     * believes the content's digest is; it is stored with the object where the store can (S3 metadata) and the
     * returned digest is the one computed over the bytes actually sent.
     */
    StoredObject put(String key, InputStream content, long size, String expectedSha256);

    /**
     * Reads the object back whole and returns its size and SHA-256 as read. Where the store keeps a checksum of its
     * own (S3), that is checked too and a mismatch is reported as a {@link SiteException}.
     */
    StoredObject readBack(String key);

    /** The object's content, streamed. */
    InputStream open(String key);

    /** The objects whose key starts with {@code prefix}, with their sizes (digest empty), in key order. */
    List<StoredObject> list(String prefix);

    /** Deletes the object if it is there. */
    void delete(String key);

    /** Deletes every object whose key starts with {@code prefix}. */
    void deleteAll(String prefix);

    /** Where this is, for messages and logs: never a credential. */
    String describe();

    @Override
    void close();
}
