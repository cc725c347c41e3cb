package app.strongroom.backup;

import app.strongroom.platform.PlatformSettings;
import app.strongroom.vault.location.DirectoryLocation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The places backups are kept. Today the home location, where backups are written first. */
@ApplicationScoped
public class BackupLocations {
    @Inject
    PlatformSettings settings;

    public DirectoryLocation home() {
        return new DirectoryLocation(settings.backupDirectory());
    }
}
