package app.strongroom.staff;

import app.strongroom.catalog.TenantSlug;
import app.strongroom.identity.Role;
import app.strongroom.sites.BackupSafety;
import app.strongroom.tenancy.TenantCatalog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A tenant's kept backups as staff see them before a restore or a download: when, how big, and where they are safe. */
@Stateless
@RolesAllowed({Role.Names.PLATFORM_OPERATOR, Role.Names.PLATFORM_HELPDESK})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class KeptBackups {
    @EJB
    TenantCatalog tenants;
    @EJB
    BackupSafety safety;

    /** One kept backup; {@code sites} and {@code continents} hold a verified copy of it and of the tenant's key. */
    public record KeptBackup(UUID id, String fileName, Instant takenAt, Optional<Long> sizeBytes, String state,
                             boolean pinned, boolean safe, Set<String> sites, Set<String> continents) {
    }

    /** The tenant's kept backups, newest first; empty when there is no tenant of that name. */
    public Optional<List<KeptBackup>> of(TenantSlug tenant) {
        return tenants.findBySlug(tenant).map(t -> safety.assess(t.id()).stream()
                .map(a -> new KeptBackup(a.backup().id(), a.backup().name().fileName(), a.backup().startedAt(),
                        a.backup().size(), a.backup().state().name(), a.backup().isPinned(), a.isSafe(),
                        a.spread().sites(), a.spread().continents()))
                .toList());
    }
}
