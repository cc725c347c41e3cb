package app.strongroom.vault.keys;

import app.strongroom.vault.VaultException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A tenant's keyset as stored: encrypted under a master key ({@code masterKeyId} names which), with the id of its
 * primary key. The catalog keeps one; every backup location keeps a copy beside the tenant's backups, so the master
 * key and any one location are enough to read them. As a file it is a small JSON document.
 */
public record WrappedKeyset(String tenant, String masterKeyId, int primaryKeyId, byte[] ciphertext) {
    public WrappedKeyset {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(masterKeyId, "masterKeyId");
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    public byte[] toJson() {
        StringWriter out = new StringWriter();
        Json.createWriter(out).writeObject(Json.createObjectBuilder()
                .add("format", "strongroom-wrapped-keyset/1")
                .add("tenant", tenant)
                .add("masterKeyId", masterKeyId)
                .add("primaryKeyId", primaryKeyId)
                .add("keyset", Base64.getEncoder().encodeToString(ciphertext))
                .build());
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static WrappedKeyset fromJson(byte[] json) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(json))) {
            JsonObject o = reader.readObject();
            if (!"strongroom-wrapped-keyset/1".equals(o.getString("format", ""))) {
                throw new VaultException("not a Strongroom key file");
            }
            return new WrappedKeyset(o.getString("tenant"), o.getString("masterKeyId"), o.getInt("primaryKeyId"),
                    Base64.getDecoder().decode(o.getString("keyset")));
        } catch (RuntimeException e) {
            if (e instanceof VaultException) {
                throw e;
            }
            throw new VaultException("the key file is damaged: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WrappedKeyset w && tenant.equals(w.tenant) && masterKeyId.equals(w.masterKeyId)
                && primaryKeyId == w.primaryKeyId && Arrays.equals(ciphertext, w.ciphertext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenant, masterKeyId, primaryKeyId, Arrays.hashCode(ciphertext));
    }

    @Override
    public String toString() {
        return "WrappedKeyset[" + tenant + ", master " + masterKeyId + ", primary " + primaryKeyId + "]";
    }
}
