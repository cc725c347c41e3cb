package app.strongroom.signup;

import app.strongroom.catalog.Plan;
import app.strongroom.catalog.TenantId;
import app.strongroom.catalog.TenantSlug;
import app.strongroom.common.EmailAddress;
import app.strongroom.common.InvalidValue;
import app.strongroom.common.Require;
import app.strongroom.identity.PasswordProblem;
import app.strongroom.identity.throttle.LoginThrottle;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.signup.SignUpOutcome.FieldProblem;
import app.strongroom.tenancy.TenantCatalog;
import app.strongroom.tenancy.TenantDatabases;
import app.strongroom.tenancy.TenantTeardown;
import app.strongroom.keys.TenantKeys;
import app.strongroom.tenancy.TenantUnits;
import app.strongroom.tenant.user.UserAccount;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Signs a company up as a new tenant. Every sign-up creates a database and costs a password hash, so sign-ups are
 * limited per client address and across the platform per hour (counted in the shared grid, so on every instance).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SignUpService {
    private static final Logger LOG = Logger.getLogger(SignUpService.class.getName());
    static final int COMPANY_NAME_MAX = 200;

    @Inject
    PlatformSettings settings;
    @Inject
    LoginThrottle throttle;
    @EJB
    TenantCatalog catalog;
    @EJB
    TenantDatabases databases;
    @EJB
    TenantUnits units;
    @EJB
    TenantKeys keys;
    @EJB
    TenantTeardown teardown;

    public SignUpOutcome signUp(SignUp form, String clientAddress) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<TenantSlug> slug = checked(problems, "tenantName", () -> new TenantSlug(form.tenantName()));
        Optional<String> company = checked(problems, "companyName",
                () -> Require.text("company name", form.companyName(), COMPANY_NAME_MAX));
        Optional<String> login = checked(problems, "adminLogin", () -> UserAccount.normaliseLogin(form.adminLogin()));
        Optional<EmailAddress> email = checked(problems, "email", () -> new EmailAddress(form.email()));
        if (form.password() == null || form.password().length == 0) {
            problems.add(new FieldProblem("password", "is required"));
        } else {
            PasswordProblem.of(settings.passwordPolicy(), form.password())
                    .ifPresent(rule -> problems.add(new FieldProblem("password", rule)));
        }
        if (!problems.isEmpty()) {
            return new SignUpOutcome.Refused(problems);
        }
        // Counted before asking whether the name is taken, so the catalog cannot be probed for names without limit.
        if (!throttle.withinHourlyBudget(LoginThrottle.signUpAddressKey(clientAddress), settings.signUpsPerAddressPerHour())
                || !throttle.withinHourlyBudget(LoginThrottle.signUpPlatformKey(), settings.signUpsPerHour())) {
            LOG.warning("sign-up refused: hourly limit reached (address " + clientAddress + ")");
            return new SignUpOutcome.Throttled();
        }
        if (catalog.findBySlug(slug.orElseThrow()).isPresent()) {
            return new SignUpOutcome.Refused(List.of(new FieldProblem("tenantName", "is taken")));
        }
        UserAccount admin = UserAccount.administrator(login.orElseThrow(), email.orElseThrow(),
                settings.passwordHasher().hash(form.password()).format());
        return create(slug.orElseThrow(), company.orElseThrow(), form.plan() == null ? Plan.FREE : form.plan(), admin);
    }

    private SignUpOutcome create(TenantSlug slug, String companyName, Plan plan, UserAccount admin) {
        TenantId id = TenantId.random();
        try {
            catalog.register(id, slug, companyName, plan);
        } catch (EJBException raced) {
            if (catalog.findBySlug(slug).isPresent()) {
                return new SignUpOutcome.Refused(List.of(new FieldProblem("tenantName", "is taken")));
            }
            throw raced;
        }
        try {
            keys.create(id);
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

    private static <T> Optional<T> checked(List<FieldProblem> problems, String field, Supplier<T> value) {
        try {
            return Optional.of(value.get());
        } catch (InvalidValue invalid) {
            problems.add(new FieldProblem(field, invalid.rule()));
            return Optional.empty();
        }
    }

    private void undo(TenantId id, RuntimeException failure) {
        LOG.log(Level.WARNING, "sign-up of tenant " + id + " failed; removing what was made", failure);
        try {
            teardown.tearDown(id);
        } catch (RuntimeException cleanup) {
            failure.addSuppressed(cleanup);
            LOG.log(Level.SEVERE, "tenant " + id + " is left half-made; the start-up sweep will remove it", cleanup);
        }
    }
}
