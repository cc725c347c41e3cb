package app.strongroom.backup;

import app.strongroom.platform.PlatformSettings;
import app.strongroom.platform.PostgresAdmin;
import app.strongroom.platform.SqlIdentifier;
import app.strongroom.vault.dump.PostgresDump;
import app.strongroom.vault.format.BackupBinding;
import app.strongroom.vault.format.BackupWriter;
import app.strongroom.vault.format.Manifest;
import app.strongroom.vault.format.Sealed;
import app.strongroom.vault.keys.MasterKey;
import app.strongroom.vault.location.BackupName;
import app.strongroom.vault.location.DirectoryLocation;
import app.strongroom.vault.location.StoredBackup;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Backs up the platform catalog (tenants, servers, staff, backups, audit) so it can be rebuilt in a disaster, encrypted
 * under a key derived from the master key. The wrapped tenant keys are left out on purpose: they live only in the
 * catalog and, one file per tenant, at the backup locations, so deleting a tenant destroys every copy of its key and
 * no catalog backup can bring it back (crypto-shred). The newest {@value #KEPT} catalog backups are kept.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CatalogBackupService {
    static final int KEPT = 14;
    static final Set<String> NEVER_BACKED_UP = Set.of("tenant_key");

    @Inject
    PlatformSettings settings;
    @Inject
    BackupLocations locations;

    public StoredBackup backUp() throws IOException, SQLException {
        MasterKey master = settings.masterKeys().get(0);
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        BackupName name = BackupName.at(now, id);
        DirectoryLocation home = locations.home();
        Path partial = home.partialCatalogBackup(name);
        home.prepareFor(partial);
        PostgresAdmin admin = new PostgresAdmin(settings.catalogServer());
        try (OutputStream disk = new BufferedOutputStream(Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW),
                1 << 20);
             BackupWriter writer = BackupWriter.open(disk, master.catalogBackups(), BackupBinding.catalogBackup(id.toString()));
             Connection c = admin.adminDataSource(new SqlIdentifier(settings.catalogDatabase())).getConnection()) {
            Map<String, Long> rows;
            try (OutputStream dump = writer.entry("dump.sql", true)) {
                rows = PostgresDump.write(c, dump, NEVER_BACKED_UP, x -> { });
            }
            Sealed sealed = writer.finish(new Manifest(StrongroomVersion.get(), 0, PostgresDump.serverVersion(c),
                    DirectoryLocation.CATALOG, "platform catalog", id.toString(), now, rows, List.of()));
            if (sealed.ciphertextSize() <= 0) {
                throw new IOException("the catalog backup came out empty");
            }
        } catch (IOException | SQLException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Path target = home.catalogBackup(name);
        home.complete(partial, target);
        List<StoredBackup> all = home.catalogBackups();
        all.stream().skip(KEPT).forEach(home::delete);
        return new StoredBackup(DirectoryLocation.CATALOG, name, target, Files.size(target));
    }
}
