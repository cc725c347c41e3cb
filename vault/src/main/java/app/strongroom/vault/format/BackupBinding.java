package app.strongroom.vault.format;

import java.nio.charset.StandardCharsets;

/**
 * What a ciphertext is bound to (its associated data): a backup file decrypts only as the backup of the tenant it was
 * written for, under the id it was written with, so files cannot be swapped between tenants or backups unnoticed.
 */
public final class BackupBinding {
    private BackupBinding() {
    }

    public static byte[] tenantBackup(String tenant, String backupId) {
        return ("strongroom backup|" + tenant + "|" + backupId).getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] catalogBackup(String backupId) {
        return ("strongroom catalog backup|" + backupId).getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] credentials(String tenant, String backupId) {
        return ("strongroom backup credentials|" + tenant + "|" + backupId).getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] storedFile(String tenant, String fileKey) {
        return ("strongroom stored file|" + tenant + "|" + fileKey).getBytes(StandardCharsets.UTF_8);
    }
}
