package app.strongroom.vault.location;

import java.util.regex.Pattern;

/**
 * The names objects have at every site, the same relative paths as in the home location, so a site copied to a disk
 * is a location the recovery tool reads as it is.
 */
public final class ObjectKeys {
    private static final Pattern TENANT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private ObjectKeys() {
    }

    public static String tenantPrefix(String tenant) {
        if (!TENANT.matcher(tenant).matches()) {
            throw new IllegalArgumentException("not a tenant id: " + tenant);
        }
        return "tenants/" + tenant + "/";
    }

    public static String tenantKey(String tenant) {
        return tenantPrefix(tenant) + "key.json";
    }

    public static String backupsPrefix(String tenant) {
        return tenantPrefix(tenant) + "backups/";
    }

    public static String backup(String tenant, BackupName name) {
        return backupsPrefix(tenant) + name.fileName();
    }

    public static String catalogPrefix() {
        return DirectoryLocation.CATALOG + "/";
    }

    public static String catalogBackup(BackupName name) {
        return catalogPrefix() + name.fileName();
    }
}
