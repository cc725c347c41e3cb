package app.strongroom.vault.keys;

import app.strongroom.vault.VaultException;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The platform master key. It never encrypts data itself: keys for separate purposes are derived from it (HKDF-SHA256
 * with a label each), so wrapping tenant keys and encrypting catalog backups never share a key. Its id, derived the
 * same way, names which master key wrapped a keyset without revealing anything of it.
 */
public final class MasterKey {
    public static final int MIN_BYTES = 32;
    private static final int SEGMENT = 1 << 20;

    private final byte[] wrappingKey;
    private final byte[] catalogKey;
    private final byte[] credentialsKey;
    private final String id;

    private MasterKey(byte[] material) {
        this.wrappingKey = derive(material, "strongroom/tenant-key-wrapping/v1", 32);
        this.catalogKey = derive(material, "strongroom/catalog-backup/v1", 32);
        this.credentialsKey = derive(material, "strongroom/backup-credentials/v1", 32);
        this.id = HexFormat.of().formatHex(derive(material, "strongroom/master-key-id/v1", 8));
    }

    public static MasterKey of(byte[] material) {
        if (material == null || material.length < MIN_BYTES) {
            throw new VaultException("the master key must be at least " + MIN_BYTES + " bytes");
        }
        return new MasterKey(material);
    }

    /** From its base64 text, as settings and key files hold it. */
    public static MasterKey ofBase64(String text) {
        try {
            return of(Base64.getDecoder().decode(text.strip()));
        } catch (IllegalArgumentException notBase64) {
            throw new VaultException("the master key is not base64 text");
        }
    }

    /** A short fingerprint that names this master key (16 hex digits); not secret, not reversible. */
    public String id() {
        return id;
    }

    Aead wrapping() {
        try {
            return new AesGcmJce(wrappingKey);
        } catch (GeneralSecurityException e) {
            throw new VaultException("cannot use the master key", e);
        }
    }

    /** The streaming AEAD that encrypts the platform catalog's own backups. */
    public StreamingAead catalogBackups() {
        try {
            return new AesGcmHkdfStreaming(catalogKey, "HmacSha256", 32, SEGMENT, 0);
        } catch (GeneralSecurityException e) {
            throw new VaultException("cannot use the master key", e);
        }
    }

    /**
     * The AEAD that seals the password hashes inside a tenant's backups: a backup decrypted with the tenant's key
     * (a download, the recovery tool) still does not show them; only the platform can put them back.
     */
    public Aead credentials() {
        try {
            return new AesGcmJce(credentialsKey);
        } catch (GeneralSecurityException e) {
            throw new VaultException("cannot use the master key", e);
        }
    }

    private static byte[] derive(byte[] material, String label, int size) {
        try {
            return Hkdf.computeHkdf("HMACSHA256", material, new byte[0], label.getBytes(StandardCharsets.UTF_8), size);
        } catch (GeneralSecurityException e) {
            throw new VaultException("cannot derive a key from the master key", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[" + id + "]";
    }
}
