package app.strongroom.signup;

import app.strongroom.catalog.Plan;
import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.TenantSlug;
import app.strongroom.common.EmailAddress;
import app.strongroom.identity.PasswordHasher;
import app.strongroom.identity.PasswordProblem;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.tenancy.TenantCatalog;
import app.strongroom.tenancy.TenantDatabases;
import app.strongroom.tenancy.TenantUnits;
import app.strongroom.tenant.user.UserAccount;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Signs a company up as a new tenant. */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SignUpService {
    private static final Logger LOG = Logger.getLogger(SignUpService.class.getName());

    @Inject
    PlatformSettings settings;
    @EJB
    TenantCatalog catalog;
    @EJB
    TenantDatabases databases;
    @EJB
    TenantUnits units;

    public SignUpOutcome signUp(SignUp form) {
        TenantSlug slug;
        UserAccount admin;
        try {
            slug = new TenantSlug(form.tenantName());
        } catch (IllegalArgumentException e) {
            return new SignUpOutcome.Refused("tenantName", e.getMessage());
        }
        if (form.companyName() == null || form.companyName().isBlank() || form.companyName().strip().length() > 200) {
            return new SignUpOutcome.Refused("companyName", "company name is required (at most 200 characters)");
        }
        Plan plan = form.plan() == null ? Plan.FREE : form.plan();
        Optional<String> weak = PasswordProblem.of(settings.passwordPolicy(), form.password());
        if (weak.isPresent()) {
            return new SignUpOutcome.Refused("password", weak.get());
        }
        PasswordHasher hasher = settings.passwordHasher();
        try {
            EmailAddress email = new EmailAddress(form.email());
            admin = UserAccount.administrator(form.adminLogin(), email, hasher.hash(form.password()).format());
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().startsWith("e-mail") ? "email" : "adminLogin";
            return new SignUpOutcome.Refused(field, e.getMessage());
        }
        if (catalog.findBySlug(slug).isPresent()) {
            return new SignUpOutcome.Refused("tenantName", "tenant name is taken");
        }
        TenantId id = TenantId.random();
        try {
            catalog.register(id, slug, form.companyName(), plan);
        } catch (EJBException raced) {
            if (catalog.findBySlug(slug).isPresent()) {
                return new SignUpOutcome.Refused("tenantName", "tenant name is taken");
            }
            throw raced;
        }
        try {
            int version = databases.create(id);
            units.inTransaction(id, em -> {
                em.persist(admin);
                return admin;
            });
            catalog.activate(id, version);
            return new SignUpOutcome.Created(slug);
        } catch (RuntimeException failure) {
            undo(id, failure);
            throw failure;
        }
    }

    private void undo(TenantId id, RuntimeException failure) {
        LOG.log(Level.WARNING, "sign-up of tenant " + id + " failed; removing what was made", failure);
        try {
            databases.destroy(id);
            catalog.remove(id);
        } catch (RuntimeException cleanup) {
            failure.addSuppressed(cleanup);
            LOG.log(Level.SEVERE, "tenant " + id + " is left half-made; the start-up sweep will remove it", cleanup);
        }
    }
}
