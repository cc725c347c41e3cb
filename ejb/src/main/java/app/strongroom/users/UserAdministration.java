package app.strongroom.users;

import app.strongroom.account.PasswordLinks;
import app.strongroom.apikey.KeyRevocation;
import app.strongroom.catalog.Tenant;
import app.strongroom.common.EmailAddress;
import app.strongroom.common.InvalidValue;
import app.strongroom.identity.Caller;
import app.strongroom.identity.Role;
import app.strongroom.mail.MailFailure;
import app.strongroom.tenancy.TenantCatalog;
import app.strongroom.tenancy.TenantData;
import app.strongroom.tenant.security.SecurityEvent;
import app.strongroom.tenant.security.SecurityEventKind;
import app.strongroom.tenant.user.PasswordLink;
import app.strongroom.tenant.user.UserAccount;
import app.strongroom.tenant.user.UserGroup;
import app.strongroom.tenant.user.UserStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/** The tenant administrator's user management, on the caller's own tenant only. */
@Stateless
@RolesAllowed(Role.Names.TENANT_ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UserAdministration {
    @Inject
    TenantData tenantData;
    @Inject
    PasswordLinks links;
    @EJB
    TenantCatalog catalog;

    public List<UserView> users() {
        return tenantData.inTransaction(em -> em.createNamedQuery(UserAccount.ALL, UserAccount.class).getResultStream()
                .map(UserAdministration::view).toList());
    }

    public Optional<UserView> user(String login) {
        return UserAccount.parseLogin(login).flatMap(l -> tenantData.inTransaction(em -> UserAccount.byLogin(em, l).map(UserAdministration::view)));
    }

    /** Makes the account and mails the invitation; if the mail fails, no account is made. */
    public UserChange invite(Invitation invitation) {
        Caller.TenantUser caller = tenantData.caller();
        UserAccount user;
        try {
            user = UserAccount.invited(invitation.login(), new EmailAddress(invitation.email()), invitation.administrator());
        } catch (InvalidValue e) {
            return new UserChange.Refused(e.field().equals("e-mail") ? "email" : "login", e.rule());
        }
        Tenant tenant = catalog.get(caller.tenant());
        try {
            return tenantData.inTransaction(em -> {
                if (UserAccount.byLogin(em, user.login()).isPresent()) {
                    return new UserChange.Refused("login", "is taken");
                }
                Optional<List<UserGroup>> groups = GroupAdministration.groups(em, invitation.groups());
                if (groups.isEmpty()) {
                    return new UserChange.Refused("groups", "include one that no longer exists");
                }
                user.assignGroups(groups.get());
                em.persist(user);
                em.persist(new SecurityEvent(SecurityEventKind.USER_INVITED, user.login(), null, caller.login(),
                        "invitation mailed to " + user.email().value()));
                links.issueAndSend(em, tenant, user, PasswordLink.Purpose.INVITATION, caller.login());
                return new UserChange.Done();
            });
        } catch (MailFailure e) {
            return new UserChange.MailFailed(e.getMessage());
        }
    }

    /**
     * The user can no longer sign in, every session of theirs ends and their API keys are revoked (a reactivation
     * brings none back). An administrator cannot lock themself out.
     */
    public UserChange deactivate(String login) {
        return onUser(login, (em, user) -> {
            if (user.login().equals(tenantData.caller().login())) {
                return new UserChange.Refused("", "You cannot deactivate your own account.");
            }
            user.deactivate();
            Instant now = Instant.now();
            PasswordLinks.revokeOpenLinks(em, user, now);
            KeyRevocation.revokeActiveKeys(em, user, tenantData.caller().login(), null, now,
                    "the user was deactivated");
            return audit(em, SecurityEventKind.USER_DEACTIVATED, user,
                    "signed out everywhere; open password links void; API keys revoked");
        });
    }

    public UserChange reactivate(String login) {
        return onUser(login, (em, user) -> {
            user.reactivate();
            return audit(em, SecurityEventKind.USER_REACTIVATED, user, null);
        });
    }

    public UserChange assignGroups(String login, Set<String> groupNames) {
        return onUser(login, (em, user) -> {
            Optional<List<UserGroup>> groups = GroupAdministration.groups(em, groupNames);
            if (groups.isEmpty()) {
                return new UserChange.Refused("groups", "include one that no longer exists");
            }
            user.assignGroups(groups.get());
            return audit(em, SecurityEventKind.GROUPS_CHANGED, user, "groups: " + String.join(", ", user.groupNames()));
        });
    }

    /** Mails the user a link to choose a password (their invitation again, if they never chose one). */
    public UserChange sendPasswordLink(String login) {
        Tenant tenant = catalog.get(tenantData.caller().tenant());
        try {
            return onUser(login, (em, user) -> {
                if (user.status() == UserStatus.DEACTIVATED) {
                    return new UserChange.Refused("", "Reactivate the user first.");
                }
                links.issueAndSend(em, tenant, user, user.status() == UserStatus.INVITED
                        ? PasswordLink.Purpose.INVITATION : PasswordLink.Purpose.RESET, tenantData.caller().login());
                return audit(em, SecurityEventKind.PASSWORD_LINK_SENT, user, "sent by an administrator");
            });
        } catch (MailFailure e) {
            return new UserChange.MailFailed(e.getMessage());
        }
    }

    private UserChange onUser(String login, BiFunction<EntityManager, UserAccount, UserChange> change) {
        Optional<String> normalised = UserAccount.parseLogin(login);
        if (normalised.isEmpty()) {
            return new UserChange.NotFound();
        }
        return tenantData.inTransaction(em -> UserAccount.byLogin(em, normalised.get()).map(user -> change.apply(em, user))
                .orElseGet(UserChange.NotFound::new));
    }

    private UserChange audit(EntityManager em, SecurityEventKind kind, UserAccount user, String detail) {
        em.persist(new SecurityEvent(kind, user.login(), null, tenantData.caller().login(), detail));
        return new UserChange.Done();
    }

    private static UserView view(UserAccount u) {
        return new UserView(u.login(), u.email().value(), u.status(), u.isAdministrator(), u.groupNames(), u.createdAt());
    }
}
