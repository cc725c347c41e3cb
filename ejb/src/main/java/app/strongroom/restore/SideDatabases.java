package app.strongroom.restore;

import app.strongroom.catalog.Tenant;
import app.strongroom.catalog.restore.RestoreRun;
import app.strongroom.contacts.ContactView;
import app.strongroom.identity.Caller;
import app.strongroom.identity.Role;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.platform.PostgresAdmin;
import app.strongroom.platform.SqlIdentifier;
import app.strongroom.tenancy.TenantCatalog;
import app.strongroom.tenancy.TenantData;
import app.strongroom.tenancy.TenantUnitFactory;
import app.strongroom.tenancy.TenantUnitRegistry;
import app.strongroom.tenancy.TenantUnits;
import app.strongroom.tenant.contact.Contact;
import app.strongroom.tenant.security.SecurityEvent;
import app.strongroom.tenant.security.SecurityEventKind;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * The tenant's administrator and the restores of their tenant: every restore the helpdesk made (with who, when and
 * why), and the side databases, opened read-only to fetch an earlier version of a record, then discarded. Only restores
 * of the caller's own tenant are found; asking for another's is refused, answered as "no such restore", and audited.
 */
@Stateless
@RolesAllowed(Role.Names.TENANT_ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SideDatabases {
    /** The most contacts one look into a side database shows; the search narrows it. */
    public static final int MOST_CONTACTS = 200;

    @Inject
    TenantData tenantData;
    @EJB
    RestoreRuns runs;
    @EJB
    TenantCatalog tenants;
    @EJB
    TenantUnits units;
    @Inject
    PlatformSettings settings;

    public List<RestoreView> restores() {
        return runs.ofTenant(caller().tenant()).stream().map(RestoreView::of).map(RestoreView::withoutFailureReason)
                .toList();
    }

    /** An open side database of the caller's tenant; refused (and audited) for anything else. */
    public RestoreView side(UUID restore) {
        RestoreRun run = openSide(restore);
        auditOwn(SecurityEventKind.SIDE_OPENED, "side database of the backup of " + run.backupTakenAt());
        return RestoreView.of(run).withoutFailureReason();
    }

    /** The side database's contacts whose name contains {@code name} (all when blank), by name, read-only. */
    public List<ContactView> contacts(UUID restore, String name) {
        RestoreRun run = openSide(restore);
        Tenant tenant = tenants.get(run.tenant());
        TenantUnitRegistry.OpenUnit unit = TenantUnitFactory.open(settings.server(tenant.server().name()),
                run.databaseName(), tenant.roleName(), units.rolePassword(tenant.id()), settings.tenantUnits(),
                "side-" + run.id());
        try (AutoCloseable resources = unit.resources()) {
            EntityManager em = unit.factory().createEntityManager();
            try {
                CriteriaBuilder cb = em.getCriteriaBuilder();
                CriteriaQuery<Contact> query = cb.createQuery(Contact.class);
                Root<Contact> contact = query.from(Contact.class);
                if (name != null && !name.isBlank()) {
                    query.where(cb.like(cb.lower(contact.get("name")), "%" + escape(name.strip().toLowerCase()) + "%",
                            '\\'));
                }
                query.orderBy(cb.asc(cb.lower(contact.get("name"))), cb.asc(contact.get("id")));
                return em.createQuery(query).setMaxResults(MOST_CONTACTS).getResultStream().map(ContactView::of)
                        .toList();
            } finally {
                em.close();
                unit.factory().close();
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the side database's connections could not be closed", e);
        }
    }

    /** Drops the side database; its record stays, marked discarded. */
    public void discard(UUID restore) {
        RestoreRun run = openSide(restore);
        Tenant tenant = tenants.get(run.tenant());
        new PostgresAdmin(settings.server(tenant.server().name())).dropDatabase(new SqlIdentifier(run.databaseName()));
        runs.discard(run.id(), caller().login(), Clock.systemUTC());
        auditOwn(SecurityEventKind.SIDE_DISCARDED, "side database of the backup of " + run.backupTakenAt());
    }

    private RestoreRun openSide(UUID restore) {
        Caller.TenantUser caller = caller();
        return runs.find(restore).filter(r -> r.tenant().equals(caller.tenant()) && r.isOpenSide())
                .orElseThrow(() -> {
                    auditOwn(SecurityEventKind.SIDE_REFUSED, "asked for restore " + restore
                            + ", which is no open side database of this tenant");
                    return new NoSuchElementException("no such side database");
                });
    }

    private void auditOwn(SecurityEventKind kind, String detail) {
        String login = caller().login();
        tenantData.inTransaction(em -> {
            em.persist(new SecurityEvent(kind, login, null, login, detail));
            return null;
        });
    }

    private Caller.TenantUser caller() {
        return tenantData.caller();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
