package app.strongroom.vault.format;

import app.strongroom.vault.VaultException;
import app.strongroom.vault.keys.MasterKey;
import com.google.crypto.tink.Aead;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * The accounts' password hashes of a tenant backup, kept out of its {@code dump.sql} (where they are NULL) and sealed
 * in the entry {@link #ENTRY} under a key derived from the platform's master key, bound to the tenant and the backup.
 * Whoever decrypts the backup with the tenant's key, a tenant administrator downloading it included, gets the data
 * without anything to crack; the platform's restore puts the hashes back.
 */
public final class SealedCredentials {
    public static final String ENTRY = "credentials.sealed";
    private static final int MAX_ACCOUNTS = 1_000_000;

    /** One account's password hash, by the account's id. */
    public record Credential(long account, String passwordHash) {
    }

    private SealedCredentials() {
    }

    public static byte[] seal(List<Credential> credentials, MasterKey master, String tenant, String backupId) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(credentials.size());
            for (Credential credential : credentials) {
                out.writeLong(credential.account());
                out.writeUTF(credential.passwordHash());
            }
            out.flush();
            return master.credentials().encrypt(bytes.toByteArray(), BackupBinding.credentials(tenant, backupId));
        } catch (IOException | GeneralSecurityException e) {
            throw new VaultException("the credentials could not be sealed: " + e.getMessage(), e);
        }
    }

    /** Opens the entry with the first of {@code masters} it was sealed under; refused if none opens it. */
    public static List<Credential> open(byte[] sealed, List<MasterKey> masters, String tenant, String backupId) {
        for (MasterKey master : masters) {
            byte[] plain;
            try {
                Aead aead = master.credentials();
                plain = aead.decrypt(sealed, BackupBinding.credentials(tenant, backupId));
            } catch (GeneralSecurityException notThisKey) {
                continue;
            }
            try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(plain))) {
                int count = in.readInt();
                if (count < 0 || count > MAX_ACCOUNTS) {
                    throw new VaultException("the sealed credentials are malformed");
                }
                List<Credential> credentials = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    credentials.add(new Credential(in.readLong(), in.readUTF()));
                }
                return credentials;
            } catch (IOException e) {
                throw new VaultException("the sealed credentials are malformed", e);
            }
        }
        throw new VaultException("the sealed credentials open under none of the platform's master keys");
    }
}
