package app.strongroom.users;

import app.strongroom.common.InvalidValue;
import app.strongroom.identity.Role;
import app.strongroom.tenancy.TenantData;
import app.strongroom.tenant.security.SecurityEvent;
import app.strongroom.tenant.security.SecurityEventKind;
import app.strongroom.tenant.user.UserGroup;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The tenant administrator's groups: list, create, delete; on the caller's own tenant only. */
@Stateless
@RolesAllowed(Role.Names.TENANT_ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GroupAdministration {
    @Inject
    TenantData tenantData;

    public List<String> groups() {
        return tenantData.inTransaction(em -> em.createNamedQuery(UserGroup.ALL, UserGroup.class).getResultStream()
                .map(UserGroup::name).toList());
    }

    public UserChange createGroup(String name) {
        UserGroup group;
        try {
            group = new UserGroup(name);
        } catch (InvalidValue e) {
            return new UserChange.Refused("groupName", e.rule());
        }
        String actor = tenantData.caller().login();
        return tenantData.inTransaction(em -> {
            if (groups(em, Set.of(group.name())).isPresent()) {
                return new UserChange.Refused("groupName", "is taken by another group");
            }
            em.persist(group);
            em.persist(new SecurityEvent(SecurityEventKind.GROUP_CREATED, null, null, actor, "group " + group.name()));
            return new UserChange.Done();
        });
    }

    /** Removes the group; its members stay, without it (the database drops the memberships with the group). */
    public UserChange deleteGroup(String name) {
        String actor = tenantData.caller().login();
        return tenantData.inTransaction(em -> {
            Optional<UserGroup> group = groups(em, Set.of(String.valueOf(name))).flatMap(g -> g.stream().findFirst());
            if (group.isEmpty()) {
                return new UserChange.NotFound();
            }
            em.remove(group.get());
            em.persist(new SecurityEvent(SecurityEventKind.GROUP_DELETED, null, null, actor, "group " + name));
            return new UserChange.Done();
        });
    }

    /** All the named groups, or empty if any of them does not exist. */
    static Optional<List<UserGroup>> groups(EntityManager em, Set<String> names) {
        if (names.isEmpty()) {
            return Optional.of(List.of());
        }
        List<UserGroup> found = em.createNamedQuery(UserGroup.BY_NAMES, UserGroup.class)
                .setParameter("names", List.copyOf(names)).getResultList();
        return found.size() == names.size() ? Optional.of(found) : Optional.empty();
    }
}
