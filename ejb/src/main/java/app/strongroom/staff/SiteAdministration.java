package app.strongroom.staff;

import app.strongroom.alarm.Alarms;
import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.alarm.Alarm;
import app.strongroom.catalog.drill.DrillRun;
import app.strongroom.catalog.site.CopyState;
import app.strongroom.catalog.site.SiteCopy;
import app.strongroom.catalog.site.SiteState;
import app.strongroom.drill.DrillJobs;
import app.strongroom.drill.DrillRuns;
import app.strongroom.identity.Role;
import app.strongroom.sites.ReplicationJobs;
import app.strongroom.sites.SiteCopies;
import app.strongroom.sites.SiteRegistry;
import app.strongroom.tenancy.TenantCatalog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What staff see of the sites, the drills and the alarms, and what operators may start: a pass, a re-verification, a drill. */
@Stateless
@RolesAllowed({Role.Names.PLATFORM_OPERATOR, Role.Names.PLATFORM_HELPDESK})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SiteAdministration {
    @Inject
    SiteRegistry sites;
    @EJB
    SiteCopies copies;
    @EJB
    ReplicationJobs replication;
    @EJB
    DrillJobs drillJobs;
    @EJB
    DrillRuns drills;
    @EJB
    Alarms alarms;
    @EJB
    TenantCatalog tenants;

    /** A site's state at a glance; the location as described, never its credentials. */
    public record SiteView(String name, String continent, String region, String location, long verified, long failing,
                           int owedPurges, Optional<Instant> lastOkAt, Optional<String> lastFailure,
                           Optional<Instant> nextAttemptAt) {
    }

    /** A drill as staff see it, with the tenant's short name. */
    public record DrillView(String tenant, Instant startedAt, Optional<Boolean> passed, Optional<String> site,
                            Optional<Long> restoreMillis, Optional<String> failure) {
    }

    public List<SiteView> sites() {
        Map<String, List<SiteCopy>> bySite = copies.all().stream().collect(Collectors.groupingBy(SiteCopy::site));
        return sites.all().stream().map(site -> {
            List<SiteCopy> held = bySite.getOrDefault(site.name(), List.of());
            SiteState state = copies.state(site.name());
            return new SiteView(site.name(), site.continent(), site.region(), site.location().describe(),
                    held.stream().filter(c -> c.state() == CopyState.VERIFIED).count(),
                    held.stream().filter(c -> c.state() != CopyState.VERIFIED).count(),
                    copies.purgesOwed(site.name()).size(), state.lastOkAt(), state.lastFailure(), state.nextAttemptAt());
        }).toList();
    }

    public List<Alarm> openAlarms() {
        return alarms.open();
    }

    public List<DrillView> recentDrills(int count) {
        return drills.recent(count).stream().map(this::view).toList();
    }

    /** A pass over every site now; with {@code reverify}, every copy is read back again. Operators only. */
    @RolesAllowed(Role.Names.PLATFORM_OPERATOR)
    public long replicateNow(boolean reverify) {
        return replication.start(List.of(), reverify);
    }

    /** The drill of every tenant (or one) now, from the site of the day or the one named. Operators only. */
    @RolesAllowed(Role.Names.PLATFORM_OPERATOR)
    public long drillNow(Optional<TenantId> tenant, Optional<String> site) {
        site.ifPresent(sites::get);
        return drillJobs.start(tenant, site);
    }

    private DrillView view(DrillRun d) {
        String slug = tenants.find(d.tenant()).map(t -> t.slug().value()).orElse(d.tenant().value().toString());
        return new DrillView(slug, d.startedAt(), d.passed(), d.site(), d.restoreTime().map(java.time.Duration::toMillis),
                d.failure());
    }
}
