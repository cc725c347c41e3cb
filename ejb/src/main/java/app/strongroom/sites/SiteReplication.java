package app.strongroom.sites;

import app.strongroom.backup.BackupCatalog;
import app.strongroom.backup.BackupLocations;
import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.backup.Backup;
import app.strongroom.catalog.backup.BackupState;
import app.strongroom.catalog.keys.TenantKey;
import app.strongroom.catalog.site.CopyKind;
import app.strongroom.catalog.site.SiteCopy;
import app.strongroom.catalog.site.SitePurge;
import app.strongroom.keys.TenantKeys;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.vault.format.Digests;
import app.strongroom.vault.location.BackupName;
import app.strongroom.vault.location.DirectoryLocation;
import app.strongroom.vault.location.ObjectKeys;
import app.strongroom.vault.location.StoredBackup;
import app.strongroom.vault.site.Site;
import app.strongroom.vault.site.SiteStore;
import app.strongroom.vault.site.StoredObject;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One replication pass over one site: it brings the site to what the catalog says it must hold. In order: removes
 * what deleted tenants left there (key first); copies every tenant's current key file and every good backup it lacks
 * (or holds a corrupt copy of), streamed from the home location or, when that has lost it, from another site; reads
 * every copy back and records it only when its SHA-256 matches; deletes the backups retention deleted; keeps the
 * newest catalog backups. With {@code reverify} it also reads back every copy verified before and replaces any that
 * no longer matches. Three failures in a row end the pass: the site is down, and the others are not held up by it.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SiteReplication {
    private static final Logger LOG = Logger.getLogger(SiteReplication.class.getName());
    static final int CATALOG_BACKUPS_KEPT = 14;
    private static final int FAILURES_BEFORE_GIVING_UP = 3;

    @Inject
    SiteRegistry sites;
    @Inject
    BackupLocations locations;
    @Inject
    PlatformSettings settings;
    @EJB
    SiteCopies copies;
    @EJB
    BackupCatalog backups;
    @EJB
    TenantKeys keys;

    public PassOutcome pass(String siteName, boolean reverify) {
        Site site = sites.get(siteName);
        if (!copies.claim(siteName)) {
            copies.requestPass(siteName);
            return new PassOutcome.Busy(siteName);
        }
        copies.started(siteName);
        Pass pass = new Pass(site, reverify);
        try (SiteStore store = site.open()) {
            pass.run(store);
        } catch (GiveUp stop) {
            LOG.warning(() -> "replication to site " + siteName + " stopped: " + pass.firstFailure);
        } catch (RuntimeException e) {
            pass.note("site " + siteName + ": " + reason(e));
            LOG.log(Level.WARNING, "replication to site " + siteName + " failed", e);
        } finally {
            copies.release(siteName);
        }
        if (pass.failures == 0) {
            copies.passed(siteName);
            return new PassOutcome.Done(siteName, pass.copied, pass.reverified, pass.deleted);
        }
        copies.failedPass(siteName, pass.firstFailure, settings.replicationRetryBase());
        return new PassOutcome.Failed(siteName, pass.firstFailure, pass.copied, pass.failures);
    }

    /**
     * A tenant was deleted: every site owes the removal of its objects, recorded before any is attempted; each site
     * that can be reached now removes them (its key first), the others when they are back. Returns the sites that
     * still hold something of the tenant.
     */
    public List<String> purgeEverywhere(TenantId tenant) {
        copies.owePurge(tenant, sites.all().stream().map(Site::name).toList());
        String id = tenant.value().toString();
        List<String> pending = new ArrayList<>();
        for (Site site : sites.all()) {
            try (SiteStore store = site.open()) {
                store.delete(ObjectKeys.tenantKey(id));
                store.deleteAll(ObjectKeys.tenantPrefix(id));
                copies.purged(site.name(), tenant);
            } catch (RuntimeException e) {
                pending.add(site.name());
                LOG.warning(() -> "site " + site.name() + " still holds objects of deleted tenant " + id
                        + "; they are removed when it is back (" + reason(e) + ")");
            }
        }
        return pending;
    }

    /** Thrown to end a pass whose site keeps failing. */
    private static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super(null, null, false, false);
        }
    }

    /** Where an object's bytes can be read from. */
    @FunctionalInterface
    private interface Source {
        InputStream open() throws IOException;
    }

    private final class Pass {
        final Site site;
        final boolean reverify;
        int copied;
        int reverified;
        int deleted;
        int failures;
        int failuresInARow;
        String firstFailure;

        Pass(Site site, boolean reverify) {
            this.site = site;
            this.reverify = reverify;
        }

        void run(SiteStore store) {
            for (SitePurge owed : copies.purgesOwed(site.name())) {
                purge(store, owed.tenant());
            }
            for (TenantKey key : keys.all()) {
                byte[] json = key.wrapped().toJson();
                String tenant = key.tenant().value().toString();
                ensure(store, ObjectKeys.tenantKey(tenant), CopyKind.KEY, Optional.of(key.tenant().value()),
                        Optional.empty(), BackupSafety.keyDigest(key), json.length,
                        List.of(() -> new ByteArrayInputStream(json)));
            }
            for (Backup backup : backups.allGood()) {
                String tenant = backup.tenant().value().toString();
                String objectKey = ObjectKeys.backup(tenant, backup.name());
                ensure(store, objectKey, CopyKind.BACKUP, Optional.of(backup.tenant().value()),
                        Optional.of(backup.id()), backup.sha256().orElseThrow(), backup.size().orElseThrow(),
                        sourcesOf(objectKey, locations.home().backup(tenant, backup.name())));
            }
            for (SiteCopy copy : copies.atSite(site.name())) {
                if (copy.kind() == CopyKind.BACKUP && copy.backup().flatMap(backups::find)
                        .filter(b -> b.state() == BackupState.DELETED).isPresent()) {
                    attempt(copy.objectKey(), () -> {
                        store.delete(copy.objectKey());
                        copies.forget(site.name(), copy.objectKey());
                        deleted++;
                    });
                }
            }
            replicateCatalogBackups(store);
        }

        private void purge(SiteStore store, TenantId tenant) {
            String id = tenant.value().toString();
            attempt(ObjectKeys.tenantPrefix(id), () -> {
                store.delete(ObjectKeys.tenantKey(id));
                store.deleteAll(ObjectKeys.tenantPrefix(id));
                copies.purged(site.name(), tenant);
                deleted++;
            });
        }

        private void replicateCatalogBackups(SiteStore store) {
            DirectoryLocation home = locations.home();
            for (StoredBackup local : home.catalogBackups().stream().limit(CATALOG_BACKUPS_KEPT).toList()) {
                String objectKey = ObjectKeys.catalogBackup(local.name());
                Optional<SiteCopy> known = copies.find(site.name(), objectKey);
                if (known.filter(c -> c.state() == app.strongroom.catalog.site.CopyState.VERIFIED).isPresent()
                        && !reverify) {
                    continue;
                }
                String sha;
                try (InputStream in = Files.newInputStream(local.file())) {
                    sha = Digests.sha256Of(in);
                } catch (IOException e) {
                    failed("the home location cannot read " + local.file() + ": " + e.getMessage());
                    continue;
                }
                ensure(store, objectKey, CopyKind.CATALOG, Optional.empty(), Optional.empty(), sha, local.size(),
                        List.of(() -> Files.newInputStream(local.file())));
            }
            List<SiteCopy> held = copies.atSite(site.name()).stream().filter(c -> c.kind() == CopyKind.CATALOG)
                    .sorted(Comparator.comparing((SiteCopy c) -> BackupName.of(c.objectKey()
                            .substring(ObjectKeys.catalogPrefix().length())))).toList();
            for (SiteCopy old : held.stream().skip(CATALOG_BACKUPS_KEPT).toList()) {
                attempt(old.objectKey(), () -> {
                    store.delete(old.objectKey());
                    copies.forget(site.name(), old.objectKey());
                    deleted++;
                });
            }
        }

        /** Makes sure the site holds a verified copy of the object, copying it from the first source that works. */
        private void ensure(SiteStore store, String objectKey, CopyKind kind, Optional<UUID> tenant,
                            Optional<UUID> backup, String sha256, long size, List<Source> sources) {
            Optional<SiteCopy> known = copies.find(site.name(), objectKey);
            if (known.filter(c -> c.holds(sha256)).isPresent()) {
                if (!reverify) {
                    return;
                }
                try {
                    StoredObject back = store.readBack(objectKey);
                    if (back.sha256().equals(sha256) && back.size() == size) {
                        copies.verified(site.name(), objectKey, kind, tenant, backup, sha256, size);
                        reverified++;
                        failuresInARow = 0;
                        return;
                    }
                    copies.foundCorrupt(site.name(), objectKey, "read back with SHA-256 " + back.sha256()
                            + " instead of " + sha256);
                    LOG.warning(() -> "site " + site.name() + ": the copy of " + objectKey + " is corrupt; replacing it");
                } catch (RuntimeException e) {
                    copies.foundCorrupt(site.name(), objectKey, reason(e));
                    LOG.warning(() -> "site " + site.name() + ": the copy of " + objectKey + " cannot be read back ("
                            + reason(e) + "); replacing it");
                }
            }
            String lastProblem = "no source holds " + objectKey;
            for (Source source : sources) {
                try {
                    StoredObject sent;
                    try (InputStream in = source.open()) {
                        sent = store.put(objectKey, in, size, sha256);
                    }
                    if (!sent.sha256().equals(sha256) || sent.size() != size) {
                        lastProblem = "the source of " + objectKey + " does not match its recorded SHA-256";
                        continue;
                    }
                    StoredObject back = store.readBack(objectKey);
                    if (!back.sha256().equals(sha256) || back.size() != size) {
                        lastProblem = "site " + site.name() + ": " + objectKey + " read back does not match what was"
                                + " written (SHA-256 " + back.sha256() + ", " + back.size() + " bytes)";
                        break;
                    }
                    copies.verified(site.name(), objectKey, kind, tenant, backup, sha256, size);
                    copied++;
                    failuresInARow = 0;
                    return;
                } catch (java.nio.file.NoSuchFileException missing) {
                    lastProblem = "the home location has lost " + missing.getFile();
                } catch (IOException | RuntimeException e) {
                    lastProblem = reason(e);
                    if (e instanceof app.strongroom.vault.site.SiteException) {
                        break;
                    }
                }
            }
            copies.failed(site.name(), objectKey, kind, tenant, backup, lastProblem);
            failed(lastProblem);
        }

        /** The home location's file first, then every other site holding a verified copy. */
        private List<Source> sourcesOf(String objectKey, Path home) {
            List<Source> sources = new ArrayList<>();
            if (Files.exists(home)) {
                sources.add(() -> Files.newInputStream(home));
            }
            for (Site other : sites.all()) {
                if (!other.name().equals(site.name()) && copies.find(other.name(), objectKey)
                        .filter(c -> c.state() == app.strongroom.catalog.site.CopyState.VERIFIED).isPresent()) {
                    sources.add(() -> {
                        SiteStore store = other.open();
                        InputStream in = store.open(objectKey);
                        return new java.io.FilterInputStream(in) {
                            @Override
                            public void close() throws IOException {
                                try {
                                    super.close();
                                } finally {
                                    store.close();
                                }
                            }
                        };
                    });
                }
            }
            return sources;
        }

        private void attempt(String what, Runnable work) {
            try {
                work.run();
                failuresInARow = 0;
            } catch (RuntimeException e) {
                failed("site " + site.name() + ": cannot remove " + what + ": " + reason(e));
            }
        }

        void note(String reason) {
            failures++;
            failuresInARow++;
            if (firstFailure == null) {
                firstFailure = reason;
            }
        }

        void failed(String reason) {
            note(reason);
            if (failuresInARow >= FAILURES_BEFORE_GIVING_UP) {
                throw new GiveUp();
            }
        }
    }

    /** The message of the failure, which for a site names the site and the reason. */
    static String reason(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
