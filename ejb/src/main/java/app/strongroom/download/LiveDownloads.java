package app.strongroom.download;

import app.strongroom.backup.TenantSnapshot;
import app.strongroom.catalog.Tenant;
import app.strongroom.catalog.TenantStatus;
import app.strongroom.catalog.download.LiveDownload;
import app.strongroom.identity.Caller;
import app.strongroom.identity.Role;
import app.strongroom.tenancy.TenantCatalog;
import app.strongroom.tenancy.TenantData;
import app.strongroom.tenant.security.SecurityEventKind;
import app.strongroom.vault.format.BackupWriter;
import app.strongroom.vault.format.Sealed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * "Download a backup of the live data now": the company's data streamed as a backup while it is being made, in the
 * kept backups' format but plain, so stock psql restores its dump anywhere. Nothing is written anywhere else, not
 * even encrypted, and memory stays bounded whatever the company's size. One per company at a time across every
 * server instance, under the company's lease in the catalog: each holds a database snapshot open for as long as it
 * streams.
 */
@Stateless
@RolesAllowed(Role.Names.TENANT_ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LiveDownloads {
    private static final Logger LOG = Logger.getLogger(LiveDownloads.class.getName());

    @Inject
    TenantData tenantData;
    @Inject
    TenantSnapshot snapshot;
    @EJB
    TenantCatalog tenants;
    @EJB
    LiveDownloadLeases leases;
    @EJB
    LiveDownloadRenewal renewal;
    @EJB
    DownloadAudit audit;

    /** The company's live download that is running now, if any. */
    public Optional<RunningLive> running() {
        return leases.running(tenantData.caller().tenant()).map(d -> new RunningLive(d.startedAt(), d.login()));
    }

    /**
     * Streams the company's live data to {@code target}, opened once the company's lease is held; a second download
     * while one runs is refused and sends nothing.
     */
    public LiveOutcome download(String clientAddress, LiveTarget target) {
        Caller.TenantUser caller = tenantData.caller();
        Tenant tenant = tenants.get(caller.tenant());
        if (tenant.status() != TenantStatus.ACTIVE) {
            return new LiveOutcome.Failed(false, "the company's data cannot be read now (it is being changed by "
                    + "the platform); try again later");
        }
        String holder = renewal.newHolder();
        if (!claim(tenant, holder, caller, clientAddress)) {
            Optional<LiveDownload> other = leases.running(tenant.id());
            audit.record(tenant.id(), SecurityEventKind.BACKUP_DOWNLOAD_REFUSED, caller.login(), clientAddress,
                    "asked for a live download while another one was running"
                            + other.map(d -> " (started by " + d.login() + " at " + DownloadNames.utc(d.startedAt())
                            + ")").orElse(""));
            return new LiveOutcome.Busy(other.map(LiveDownload::startedAt).orElse(Instant.now()),
                    other.map(LiveDownload::login).orElse(""));
        }
        renewal.started(holder);
        Instant now = Instant.now();
        UUID id = UUID.randomUUID();
        String fileName = DownloadNames.live(tenant.slug(), now);
        LeaseGuard out = null;
        try {
            audit.record(tenant.id(), SecurityEventKind.LIVE_BACKUP_DOWNLOADED, caller.login(), clientAddress,
                    "live backup " + id + " as " + fileName);
            out = new LeaseGuard(target.open(fileName), holder);
            try (BackupWriter writer = BackupWriter.plain(out)) {
                Sealed sealed = snapshot.write(tenant, writer, id.toString(), now);
                out.flush();
                return new LiveOutcome.Sent(sealed.ciphertextSize());
            }
        } catch (Exception e) {
            String reason = reason(e, out);
            long sent = out == null ? 0 : out.count;
            LOG.log(Level.WARNING, "live download " + id + " of tenant " + tenant.id() + " failed after " + sent
                    + " bytes: " + reason, e);
            audit.record(tenant.id(), SecurityEventKind.BACKUP_DOWNLOAD_FAILED, caller.login(), clientAddress,
                    "live backup " + id + " was not completed (" + sent + " bytes sent): " + reason);
            return new LiveOutcome.Failed(out != null && !out.clientGone, reason);
        } finally {
            renewal.finished(holder);
            leases.release(tenant.id(), holder);
        }
    }

    private boolean claim(Tenant tenant, String holder, Caller.TenantUser caller, String clientAddress) {
        try {
            return leases.claim(tenant.id(), holder, caller.login(), clientAddress);
        } catch (EJBException lostTheRace) {
            if (leases.running(tenant.id()).isPresent()) {
                return false;
            }
            throw lostTheRace;
        }
    }

    /** What went wrong, in words for the company's administrator: a dropped connection, or the platform's side. */
    private static String reason(Exception e, LeaseGuard out) {
        if (e instanceof LeaseLost) {
            return e.getMessage();
        }
        if (out != null && out.clientGone) {
            return "the connection was closed before the end";
        }
        return "the platform could not read the company's data to the end; the operators can tell why from the log";
    }

    /** The download lost its lease (it could not be renewed and another download took the company). */
    private static final class LeaseLost extends IOException {
        private static final long serialVersionUID = 1L;

        LeaseLost() {
            super("the download lost its hold on the company's data (another download took over) and stopped");
        }
    }

    /** Passes the download on while it holds its lease, counting what it sent. */
    private final class LeaseGuard extends FilterOutputStream {
        private final String holder;
        long count;
        boolean clientGone;

        LeaseGuard(OutputStream out, String holder) {
            super(out);
            this.holder = holder;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (!renewal.holds(holder)) {
                throw new LeaseLost();
            }
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                clientGone = true;
                throw e;
            }
            count += len;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                clientGone = true;
                throw e;
            }
        }
    }
}
