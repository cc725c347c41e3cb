package app.strongroom.trust;

import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.backup.Backup;
import app.strongroom.catalog.backup.Retention;
import app.strongroom.catalog.site.SiteCopy;
import app.strongroom.drill.DrillRuns;
import app.strongroom.identity.Role;
import app.strongroom.keys.TenantKeys;
import app.strongroom.sites.BackupSafety;
import app.strongroom.sites.SiteRegistry;
import app.strongroom.tenancy.TenantData;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The trust page's report, for the administrator of the caller's own tenant only. */
@Stateless
@RolesAllowed(Role.Names.TENANT_ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TrustReportService {
    @Inject
    TenantData tenantData;
    @EJB
    BackupSafety safety;
    @EJB
    DrillRuns drills;
    @EJB
    TenantKeys keys;
    @Inject
    SiteRegistry sites;

    /** The caller's tenant's last 30 drills, oldest first: when, how long the restore took, whether it passed. */
    public List<DrillPoint> drillHistory() {
        List<DrillPoint> points = new java.util.ArrayList<>(drills.finishedOf(tenantData.caller().tenant(), 30).stream()
                .map(d -> new DrillPoint(d.startedAt(), d.restoreTime().orElse(java.time.Duration.ZERO),
                        d.passed().orElse(false))).toList());
        java.util.Collections.reverse(points);
        return points;
    }

    /** One drill as the chart of restore times shows it. */
    public record DrillPoint(java.time.Instant at, java.time.Duration restoreTime, boolean passed) {
    }

    public TrustReport report() {
        TenantId tenant = tenantData.caller().tenant();
        Map<String, String> continents = sites.continents();
        List<BackupSafety.Assessed> assessed = safety.assess(tenant);
        Retention.Decision<Backup> decision = Retention.STANDARD.decide(assessed.stream()
                .map(a -> new Retention.Candidate<>(a.backup(), a.backup().startedAt(), a.backup().isPinned())).toList());
        List<TrustReport.KeptBackup> kept = assessed.stream().map(a -> new TrustReport.KeptBackup(
                a.backup().startedAt(), a.backup().size().orElse(0L),
                Optional.ofNullable(decision.kept().get(a.backup())).map(Enum::name).orElse("LEAVING"),
                a.isSafe(), copies(a, continents))).toList();
        Map<String, Integer> perContinent = new LinkedHashMap<>();
        continents.values().forEach(c -> perContinent.putIfAbsent(c, 0));
        assessed.stream().findFirst().ifPresent(newest -> newest.spread().sites()
                .forEach(site -> perContinent.merge(continents.get(site), 1, Integer::sum)));
        var key = keys.find(tenant).orElseThrow(() -> new IllegalStateException("tenant " + tenant + " has no key"));
        return new TrustReport(kept,
                sites.all().stream().map(s -> new TrustReport.SiteSummary(s.name(), s.continent(), s.region())).toList(),
                drills.latestFinished(tenant).map(d -> new TrustReport.LastDrill(
                        d.startedAt(), d.passed().orElse(false), d.restoreTime(), d.site(),
                        d.backup().flatMap(id -> assessed.stream().map(BackupSafety.Assessed::backup)
                                .filter(b -> b.id().equals(id)).map(Backup::startedAt).findFirst()),
                        d.failure().map(TrustReportService::withoutInternals))),
                new TrustReport.KeyStatus(keys.keyset(tenant).size(), key.createdAt().toInstant(), key.rotatedAt().toInstant()),
                perContinent);
    }

    private static List<TrustReport.CopyView> copies(BackupSafety.Assessed a, Map<String, String> continents) {
        return continents.keySet().stream().map(site -> {
            Optional<SiteCopy> copy = a.copies().stream().filter(c -> c.site().equals(site)).findFirst();
            boolean counts = a.spread().sites().contains(site);
            return new TrustReport.CopyView(site, continents.get(site),
                    counts ? copy.flatMap(SiteCopy::verifiedAt) : Optional.empty(),
                    counts ? Optional.empty() : Optional.of(copy.map(c -> "not verified yet").orElse("not copied yet")));
        }).toList();
    }

    /** A drill's failure as the tenant may read it: what failed, not the platform's internals. */
    private static String withoutInternals(String failure) {
        return failure.contains("failed authentication") ? "the copy failed its integrity check and is being replaced"
                : "the restore did not complete; the operators have been alerted";
    }
}
