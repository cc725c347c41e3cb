package app.strongroom.vault.keys;

import app.strongroom.vault.VaultException;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * One tenant's data keys: a Tink keyset of AES256_GCM_HKDF_1MB streaming AEAD keys. The primary key encrypts what is
 * written now; older keys stay for reading what they wrote. It exists in clear only in memory; at rest it is always
 * {@linkplain #wrap wrapped} by the master key, bound to its tenant so a wrapped keyset cannot be passed off as
 * another tenant's.
 */
public final class TenantKeyset {
    static {
        try {
            StreamingAeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String tenant;
    private final KeysetHandle keys;

    private TenantKeyset(String tenant, KeysetHandle keys) {
        this.tenant = tenant;
        this.keys = keys;
    }

    /** A fresh keyset with one key, for a tenant that is being created. */
    public static TenantKeyset generate(String tenant) {
        try {
            return new TenantKeyset(tenant, KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB));
        } catch (GeneralSecurityException e) {
            throw new VaultException("cannot generate a data key", e);
        }
    }

    /** The keyset back from its wrapped form; refused if another master key wrapped it or it belongs to another tenant. */
    public static TenantKeyset unwrap(WrappedKeyset wrapped, List<MasterKey> masterKeys) {
        MasterKey master = masterKeys.stream().filter(k -> k.id().equals(wrapped.masterKeyId())).findFirst()
                .orElseThrow(() -> new VaultException("the key of tenant " + wrapped.tenant()
                        + " is wrapped by master key " + wrapped.masterKeyId() + ", which is not among the keys given"));
        try {
            return new TenantKeyset(wrapped.tenant(), TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped.ciphertext(),
                    master.wrapping(), associatedData(wrapped.tenant())));
        } catch (GeneralSecurityException e) {
            throw new VaultException("the key of tenant " + wrapped.tenant() + " cannot be unwrapped: it was altered, "
                    + "or it is another tenant's", e);
        }
    }

    /** The keyset wrapped by {@code master}, fit to store anywhere. */
    public WrappedKeyset wrap(MasterKey master) {
        try {
            return new WrappedKeyset(tenant, master.id(), primaryKeyId(),
                    TinkProtoKeysetFormat.serializeEncryptedKeyset(keys, master.wrapping(), associatedData(tenant)));
        } catch (GeneralSecurityException e) {
            throw new VaultException("cannot wrap the key of tenant " + tenant, e);
        }
    }

    /** The same keys with a new primary one: what is written from now on uses it; what was written stays readable. */
    public TenantKeyset rotate() {
        try {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(keys);
            builder.addEntry(KeysetHandle.generateEntryFromParameters(
                    PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB).withRandomId().makePrimary());
            return new TenantKeyset(tenant, builder.build());
        } catch (GeneralSecurityException e) {
            throw new VaultException("cannot rotate the key of tenant " + tenant, e);
        }
    }

    public StreamingAead streamingAead() {
        try {
            return keys.getPrimitive(StreamingAead.class);
        } catch (GeneralSecurityException e) {
            throw new VaultException("cannot use the key of tenant " + tenant, e);
        }
    }

    /** The id of the key that encrypts new data: the "key version" recorded with each backup and file. */
    public int primaryKeyId() {
        return keys.getPrimary().getId();
    }

    /** How many keys the keyset holds (one more after each rotation). */
    public int size() {
        return keys.size();
    }

    /** Whether this keyset holds the key with {@code keyId}. */
    public boolean holds(int keyId) {
        return IntStream.range(0, keys.size()).anyMatch(i -> keys.getAt(i).getId() == keyId);
    }

    public String tenant() {
        return tenant;
    }

    static byte[] associatedData(String tenant) {
        return ("strongroom tenant keyset|" + tenant).getBytes(StandardCharsets.UTF_8);
    }

    /** The optional form of {@link #unwrap} for callers that report rather than throw. */
    public static Optional<TenantKeyset> tryUnwrap(WrappedKeyset wrapped, List<MasterKey> masterKeys) {
        try {
            return Optional.of(unwrap(wrapped, masterKeys));
        } catch (VaultException refused) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "TenantKeyset[" + tenant + ", primary " + primaryKeyId() + ", " + size() + " keys]";
    }
}
