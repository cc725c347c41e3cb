package app.strongroom.sites;

import app.strongroom.backup.BackupCatalog;
import app.strongroom.backup.BackupLocations;
import app.strongroom.backup.ServerInstance;
import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.backup.Backup;
import app.strongroom.catalog.backup.BackupState;
import app.strongroom.catalog.keys.TenantKey;
import app.strongroom.catalog.site.CopyKind;
import app.strongroom.catalog.site.CopyState;
import app.strongroom.catalog.site.SiteCopy;
import app.strongroom.catalog.site.SitePurge;
import app.strongroom.keys.TenantKeys;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.vault.VaultException;
import app.strongroom.vault.format.BackupBinding;
import app.strongroom.vault.format.BackupReader;
import app.strongroom.vault.format.Digests;
import app.strongroom.vault.keys.MasterKey;
import app.strongroom.vault.location.BackupName;
import app.strongroom.vault.location.ObjectKeys;
import app.strongroom.vault.location.StoredBackup;
import app.strongroom.vault.site.ContentMismatchException;
import app.strongroom.vault.site.Site;
import app.strongroom.vault.site.SiteException;
import app.strongroom.vault.site.SiteStore;
import app.strongroom.vault.site.StoredObject;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One replication pass over one site: it brings the site to what the catalog says it must hold. In order: removes
 * what deleted tenants left there (key first) and what retention deleted, so a full site makes room before it is
 * written to; copies every good backup it lacks (or holds a corrupt copy of), newest first, each after its tenant's
 * current key file,
 * streamed from the home location or, when that copy is lost or damaged, from another site; reads every copy back and
 * records it only when its SHA-256 matches; copies the newest catalog backups, each checked by decryption first; and
 * removes again what a tenant deleted meanwhile left. Copies verified more than {@link #REVERIFY_AFTER} ago, or every
 * copy with {@code reverify}, are read back again and replaced when they no longer match. The pass holds the site's
 * lease (its own, renewed as it goes), so no other pass writes there meanwhile; three failures of the site in a row end
 * it: the site is down, and the other sites' passes are not held up by it.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SiteReplication {
    private static final Logger LOG = Logger.getLogger(SiteReplication.class.getName());
    static final int CATALOG_BACKUPS_KEPT = 14;
    static final Duration REVERIFY_AFTER = Duration.ofDays(7);
    private static final int FAILURES_BEFORE_GIVING_UP = 3;

    @Inject
    SiteRegistry sites;
    @Inject
    BackupLocations locations;
    @Inject
    PlatformSettings settings;
    @Inject
    ServerInstance instance;
    @EJB
    SiteCopies copies;
    @EJB
    BackupCatalog backups;
    @EJB
    TenantKeys keys;

    public PassOutcome pass(String siteName, boolean reverify) {
        return pass(siteName, reverify, app.strongroom.jobs.ProgressSink.NONE);
    }

    /** As {@link #pass(String, boolean)}, telling {@code progress} of each tenant backup looked at and the bytes copied. */
    public PassOutcome pass(String siteName, boolean reverify, app.strongroom.jobs.ProgressSink progress) {
        Site site = sites.get(siteName);
        String lease = newLease();
        if (!copies.claim(siteName, lease)) {
            // The pass that holds the site may have read the copies already: what was asked for is owed, as asked.
            if (reverify) {
                copies.requestReverification(siteName);
            } else {
                copies.requestPass(siteName);
            }
            return new PassOutcome.Busy(siteName);
        }
        Instant began = Instant.now();
        boolean owed = copies.started(siteName, began);
        Pass pass = new Pass(site, lease, reverify || owed, progress);
        try (SiteStore store = site.open()) {
            pass.run(store);
        } catch (GiveUp stop) {
            LOG.warning(() -> "replication to site " + siteName + " stopped: " + pass.firstFailure);
        } catch (RuntimeException e) {
            pass.note("site " + siteName + ": " + reason(e));
            LOG.log(Level.WARNING, "replication to site " + siteName + " failed", e);
        } finally {
            copies.release(siteName, lease);
        }
        if (pass.failures == 0) {
            copies.passed(siteName, pass.reverify, began);
            return new PassOutcome.Done(siteName, pass.copied, pass.reverified, pass.deleted);
        }
        copies.failedPass(siteName, pass.firstFailure, settings.replicationRetryBase());
        return new PassOutcome.Failed(siteName, pass.firstFailure, pass.copied, pass.failures);
    }

    /**
     * A tenant was deleted: every site owes the removal of its objects, recorded before any is attempted. Each site
     * that can be reached and is not in a pass removes them now (its key first), under the site's lease, so no pass
     * writes them back; the others are owed a pass, which removes them first and last. Returns the sites that still
     * hold something of the tenant.
     */
    public List<String> purgeEverywhere(TenantId tenant) {
        copies.owePurge(tenant, sites.names());
        List<String> pending = new ArrayList<>();
        for (Site site : sites.all()) {
            String lease = newLease();
            if (!copies.claim(site.name(), lease)) {
                copies.requestPass(site.name());
                pending.add(site.name());
                continue;
            }
            try (SiteStore store = site.open()) {
                purge(store, site.name(), tenant);
            } catch (RuntimeException e) {
                pending.add(site.name());
                copies.failedPass(site.name(), "site " + site.name() + " still holds objects of deleted tenant "
                        + tenant.value() + ": " + reason(e), settings.replicationRetryBase());
                LOG.warning(() -> "site " + site.name() + " still holds objects of deleted tenant " + tenant.value()
                        + "; they are removed when it is back (" + reason(e) + ")");
            } finally {
                copies.release(site.name(), lease);
            }
        }
        return pending;
    }

    private void purge(SiteStore store, String site, TenantId tenant) {
        String id = tenant.value().toString();
        store.delete(ObjectKeys.tenantKey(id));
        store.deleteAll(ObjectKeys.tenantPrefix(id));
        copies.purged(site, tenant);
    }

    private String newLease() {
        return instance.name() + "/" + UUID.randomUUID().toString().substring(0, 8);
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
        final String lease;
        final boolean reverify;
        final app.strongroom.jobs.ProgressSink progress;
        long bytesCopied;
        int copied;
        int reverified;
        int deleted;
        int failures;
        int failuresInARow;
        String firstFailure;

        Pass(Site site, String lease, boolean reverify, app.strongroom.jobs.ProgressSink progress) {
            this.site = site;
            this.lease = lease;
            this.reverify = reverify;
            this.progress = progress;
        }

        void run(SiteStore store) {
            purgeOwed(store);
            deleteWhatRetentionDeleted(store);
            // Newest backups first, each after its tenant's key: a fresh backup does not wait behind old work, and a
            // key goes where there is something it opens (a tenant's first backup takes it along).
            java.util.Map<TenantId, TenantKey> keyOf = new java.util.HashMap<>();
            keys.all().forEach(k -> keyOf.put(k.tenant(), k));
            java.util.Set<TenantId> keyEnsured = new java.util.HashSet<>();
            List<Backup> newestFirst = backups.allGood().stream()
                    .sorted(Comparator.comparing(Backup::startedAt).reversed()).toList();
            progress.expect(newestFirst.size());
            for (Backup backup : newestFirst) {
                long bytesBefore = bytesCopied;
                TenantKey key = keyOf.get(backup.tenant());
                if (key == null) {
                    progress.advance(1, 0);
                    continue;
                }
                if (keyEnsured.add(backup.tenant())) {
                    byte[] json = key.wrapped().toJson();
                    ensure(store, ObjectKeys.tenantKey(key.tenant().value().toString()), CopyKind.KEY,
                            Optional.of(key.tenant()), Optional.empty(), BackupSafety.keyDigest(key), json.length,
                            List.of(() -> new ByteArrayInputStream(json)));
                }
                String tenant = backup.tenant().value().toString();
                String objectKey = ObjectKeys.backup(tenant, backup.name());
                ensure(store, objectKey, CopyKind.BACKUP, Optional.of(backup.tenant()), Optional.of(backup.id()),
                        backup.sha256().orElseThrow(), backup.size().orElseThrow(),
                        sourcesOf(objectKey, locations.home().backup(tenant, backup.name())));
                progress.advance(1, bytesCopied - bytesBefore);
            }
            replicateCatalogBackups(store);
            // A tenant deleted while this pass ran may have been written back by it: the pass removes it again.
            purgeOwed(store);
        }

        private void purgeOwed(SiteStore store) {
            for (SitePurge owed : copies.purgesOwed(site.name())) {
                attempt("the objects of deleted tenant " + owed.tenant().value(),
                        () -> purge(store, site.name(), owed.tenant()));
            }
        }

        private void deleteWhatRetentionDeleted(SiteStore store) {
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
            List<SiteCopy> catalogCopies = copies.atSite(site.name()).stream()
                    .filter(c -> c.kind() == CopyKind.CATALOG)
                    .sorted(Comparator.comparing((SiteCopy c) -> BackupName.of(c.objectKey()
                            .substring(ObjectKeys.catalogPrefix().length())))).toList();
            for (SiteCopy old : catalogCopies.stream().skip(CATALOG_BACKUPS_KEPT).toList()) {
                attempt(old.objectKey(), () -> {
                    store.delete(old.objectKey());
                    copies.forget(site.name(), old.objectKey());
                    deleted++;
                });
            }
        }

        /** The home location's catalog backups, each decrypted and checked before it is copied anywhere. */
        private void replicateCatalogBackups(SiteStore store) {
            for (StoredBackup local : locations.home().catalogBackups().stream().limit(CATALOG_BACKUPS_KEPT).toList()) {
                String objectKey = ObjectKeys.catalogBackup(local.name());
                Optional<SiteCopy> known = copies.find(site.name(), objectKey);
                if (known.filter(c -> c.state() == CopyState.VERIFIED).isPresent() && !reverify) {
                    continue;
                }
                Optional<String> sha = checkedCatalogBackup(local);
                if (sha.isEmpty()) {
                    continue;
                }
                ensure(store, objectKey, CopyKind.CATALOG, Optional.empty(), Optional.empty(), sha.get(), local.size(),
                        List.of(() -> Files.newInputStream(local.file())));
            }
        }

        /** The catalog backup's SHA-256, once it decrypted whole under one of the master keys; empty if it did not. */
        private Optional<String> checkedCatalogBackup(StoredBackup local) {
            for (MasterKey master : settings.masterKeys()) {
                MessageDigest sha = Digests.sha256();
                try (InputStream in = new DigestInputStream(Files.newInputStream(local.file()), sha)) {
                    // The reader closes what it reads; the file's digest needs the bytes it leaves behind too.
                    BackupReader.verify(new java.io.FilterInputStream(in) {
                        @Override
                        public void close() {
                        }
                    }, master.catalogBackups(), BackupBinding.catalogBackup(local.name().id().toString()));
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                    return Optional.of(Digests.hex(sha.digest()));
                } catch (IOException | VaultException e) {
                    LOG.fine(() -> "catalog backup " + local.name() + " does not open with master key " + master.id());
                }
            }
            LOG.severe(() -> "catalog backup " + local.file() + " does not decrypt whole under any master key; it is not"
                    + " copied to site " + site.name());
            return Optional.empty();
        }

        /** Makes sure the site holds a verified copy of the object, copying it from the first source that works. */
        private void ensure(SiteStore store, String objectKey, CopyKind kind, Optional<TenantId> tenant,
                            Optional<UUID> backup, String sha256, long size, List<Source> sources) {
            copies.claim(site.name(), lease);
            Optional<UUID> tenantId = tenant.map(TenantId::value);
            Optional<SiteCopy> known = copies.find(site.name(), objectKey);
            if (known.filter(c -> c.holds(sha256)).isPresent()) {
                boolean aged = known.get().verifiedAt().map(at -> at.isBefore(Instant.now().minus(REVERIFY_AFTER)))
                        .orElse(true);
                if (!reverify && !aged) {
                    return;
                }
                StoredObject back;
                try {
                    back = store.readBack(objectKey);
                } catch (RuntimeException e) {
                    // Not reachable or not readable now: the copy is not known to be bad, and the site is failing.
                    siteFailed("site " + site.name() + ": cannot read " + objectKey + " back: " + reason(e));
                    return;
                }
                if (back.sha256().equals(sha256) && back.size() == size) {
                    copies.verified(site.name(), objectKey, kind, tenantId, backup, sha256, size);
                    reverified++;
                    failuresInARow = 0;
                    return;
                }
                copies.foundCorrupt(site.name(), objectKey, "read back with SHA-256 " + back.sha256() + " instead of "
                        + sha256);
                LOG.warning(() -> "site " + site.name() + ": the copy of " + objectKey + " is corrupt; replacing it");
            }
            if (tenant.isPresent() && keys.find(tenant.get()).isEmpty()) {
                return;
            }
            String lastProblem = "no source holds " + objectKey;
            boolean siteAtFault = false;
            for (Source source : sources) {
                try {
                    try (InputStream in = source.open()) {
                        store.put(objectKey, in, size, sha256);
                    }
                    StoredObject back = store.readBack(objectKey);
                    if (!back.sha256().equals(sha256) || back.size() != size) {
                        lastProblem = "site " + site.name() + ": " + objectKey + " read back does not match what was"
                                + " written (SHA-256 " + back.sha256() + ", " + back.size() + " bytes)";
                        siteAtFault = true;
                        break;
                    }
                    copies.verified(site.name(), objectKey, kind, tenantId, backup, sha256, size);
                    copied++;
                    bytesCopied += size;
                    failuresInARow = 0;
                    if (tenant.isPresent() && keys.find(tenant.get()).isEmpty()) {
                        // The tenant was deleted while its object travelled: the purge owed runs again at the end.
                        LOG.info(() -> "site " + site.name() + ": " + objectKey + " belongs to a tenant deleted meanwhile");
                    }
                    return;
                } catch (ContentMismatchException badSource) {
                    lastProblem = "a source of " + objectKey + " is damaged (" + reason(badSource) + ")";
                } catch (NoSuchFileException missing) {
                    lastProblem = "the home location has lost " + missing.getFile();
                } catch (SiteException e) {
                    lastProblem = reason(e);
                    siteAtFault = true;
                    break;
                } catch (IOException | RuntimeException e) {
                    lastProblem = "a source of " + objectKey + " cannot be read: " + reason(e);
                }
            }
            copies.failed(site.name(), objectKey, kind, tenantId, backup, lastProblem);
            if (siteAtFault) {
                siteFailed(lastProblem);
            } else {
                // No source is good: the site is not to blame, and the rest of its work goes on.
                LOG.severe("site " + site.name() + ": " + lastProblem);
                count(lastProblem);
            }
        }

        /** The home location's file first, then every other site holding a verified copy. */
        private List<Source> sourcesOf(String objectKey, Path home) {
            List<Source> sources = new ArrayList<>();
            if (Files.exists(home)) {
                sources.add(() -> Files.newInputStream(home));
            }
            for (Site other : sites.all()) {
                if (!other.name().equals(site.name()) && copies.find(other.name(), objectKey)
                        .filter(c -> c.state() == CopyState.VERIFIED).isPresent()) {
                    sources.add(() -> {
                        SiteStore store = other.open();
                        return new FilterInputStream(store.open(objectKey)) {
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
                copies.claim(site.name(), lease);
                work.run();
                failuresInARow = 0;
            } catch (RuntimeException e) {
                siteFailed("site " + site.name() + ": cannot remove " + what + ": " + reason(e));
            }
        }

        /** Work left undone, which makes the pass a failed one (retried after a backoff). */
        void count(String reason) {
            failures++;
            if (firstFailure == null) {
                firstFailure = reason;
            }
        }

        /** Work the site itself failed: it also counts towards giving the pass up. */
        void note(String reason) {
            count(reason);
            failuresInARow++;
        }

        void siteFailed(String reason) {
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
