package app.strongroom.defaults;

import app.strongroom.identity.Role;
import app.strongroom.tenancy.TenantData;
import app.strongroom.tenant.access.UserContext;
import app.strongroom.tenant.defaults.DefaultEvaluator;
import app.strongroom.tenant.defaults.DefaultField;
import app.strongroom.tenant.defaults.FieldDefault;
import app.strongroom.tenant.rules.expression.ExpressionError;
import app.strongroom.tenant.security.AuditedExpression;
import app.strongroom.tenant.security.SecurityEvent;
import app.strongroom.tenant.security.SecurityEventKind;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tenant administrator's computed defaults. An expression that does not check is refused with its position and
 * nothing is saved; every change is in the tenant's audit trail.
 */
@Stateless
@RolesAllowed(Role.Names.TENANT_ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultAdministration {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final Logger LOG = Logger.getLogger(DefaultAdministration.class.getName());

    @Inject
    TenantData tenantData;

    /** Every field that takes a default, in the order of {@link DefaultField}, with what it gives the caller today. */
    public List<DefaultView> defaults() {
        return tenantData.underRules((em, policy) -> Arrays.stream(DefaultField.values())
                .map(field -> view(field, FieldDefault.of(em, field), policy.user())).toList());
    }

    /**
     * Sets the default of {@code field} to {@code expression}, a blank one clearing it, if it is still {@code read}
     * (what the caller was shown, {@code ""} for none); otherwise nothing is written.
     */
    public DefaultChange save(DefaultField field, String read, String expression) {
        String actor = tenantData.caller().login();
        String wanted = expression == null ? "" : expression.strip();
        try {
            return tenantData.inTransaction(em -> {
                Optional<FieldDefault> existing = FieldDefault.of(em, field);
                if (!existing.map(FieldDefault::expression).orElse("").equals(read)) {
                    return new DefaultChange.Stale();
                }
                if (wanted.isEmpty()) {
                    existing.ifPresent(stored -> {
                        em.remove(stored);
                        audit(em, SecurityEventKind.DEFAULT_CLEARED, actor, field, stored.expression());
                    });
                    return new DefaultChange.Cleared();
                }
                if (!wanted.equals(read)) {
                    existing.ifPresentOrElse(d -> d.change(wanted), () -> em.persist(new FieldDefault(field, wanted)));
                    em.flush();
                    audit(em, SecurityEventKind.DEFAULT_SAVED, actor, field, wanted);
                }
                return new DefaultChange.Saved();
            });
        } catch (ExpressionError wrong) {
            return new DefaultChange.Refused(wrong.getMessage());
        } catch (RuntimeException failed) {
            if (concurrent(failed)) {
                return new DefaultChange.Stale();
            }
            throw failed;
        }
    }

    private static DefaultView view(DefaultField field, Optional<FieldDefault> stored, UserContext user) {
        if (stored.isEmpty()) {
            return new DefaultView(field, "", Optional.empty(), Optional.empty());
        }
        try {
            Object value = new DefaultEvaluator(user).value(stored.get().parsed(), field.type());
            return new DefaultView(field, stored.get().expression(), Optional.of(shown(value)), Optional.empty());
        } catch (ExpressionError broken) {
            return new DefaultView(field, stored.get().expression(), Optional.empty(),
                    Optional.of(broken.getMessage()));
        } catch (RuntimeException unexpected) {
            // The page that would mend a default must open whatever the default does.
            LOG.log(Level.SEVERE, "the default of " + field + " failed", unexpected);
            return new DefaultView(field, stored.get().expression(), Optional.empty(), Optional.of("cannot be "
                    + "computed"));
        }
    }

    /**
     * Two administrators writing a field's first default at once (the unique key lets one through) or changing it
     * at once (its version does).
     */
    private static boolean concurrent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException
                    || cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String shown(Object value) {
        return value instanceof BigDecimal number ? number.toPlainString() : String.valueOf(value);
    }

    private static void audit(EntityManager em, SecurityEventKind kind, String actor, DefaultField field,
                              String expression) {
        em.persist(new SecurityEvent(kind, null, null, actor, field.model().modelName() + "." + field.field() + ": "
                + AuditedExpression.of(expression)));
    }
}
