package app.strongroom.defaults;

import app.strongroom.identity.Role;
import app.strongroom.tenancy.TenantData;
import app.strongroom.tenant.access.UserContext;
import app.strongroom.tenant.defaults.DefaultEvaluator;
import app.strongroom.tenant.defaults.DefaultField;
import app.strongroom.tenant.defaults.FieldDefault;
import app.strongroom.tenant.rules.expression.ExpressionError;
import app.strongroom.tenant.security.SecurityEvent;
import app.strongroom.tenant.security.SecurityEventKind;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The tenant administrator's computed defaults. An expression that does not check is refused with its position and
 * nothing is saved; every change is in the tenant's audit trail.
 */
@Stateless
@RolesAllowed(Role.Names.TENANT_ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultAdministration {
    /** The audit trail keeps 500 characters of detail; an expression may be 2000. */
    private static final int AUDITED_LENGTH = 400;

    @Inject
    TenantData tenantData;

    /** Every field that takes a default, in the order of {@link DefaultField}, with what it gives the caller today. */
    public List<DefaultView> defaults() {
        return tenantData.underRules((em, policy) -> Arrays.stream(DefaultField.values())
                .map(field -> view(field, FieldDefault.of(em, field), policy.user())).toList());
    }

    /** Sets the default of {@code field}; a blank expression clears it. */
    public DefaultChange save(DefaultField field, String expression) {
        if (expression == null || expression.isBlank()) {
            return clear(field);
        }
        String actor = tenantData.caller().login();
        try {
            return tenantData.inTransaction(em -> {
                Optional<FieldDefault> existing = FieldDefault.of(em, field);
                if (existing.isPresent() && existing.get().expression().equals(expression)) {
                    return new DefaultChange.Saved();
                }
                existing.ifPresentOrElse(d -> d.change(expression), () -> em.persist(new FieldDefault(field,
                        expression)));
                audit(em, SecurityEventKind.DEFAULT_SAVED, actor, field, expression);
                return new DefaultChange.Saved();
            });
        } catch (ExpressionError wrong) {
            return new DefaultChange.Refused(wrong.getMessage());
        }
    }

    public DefaultChange clear(DefaultField field) {
        String actor = tenantData.caller().login();
        return tenantData.inTransaction(em -> {
            FieldDefault.of(em, field).ifPresent(existing -> {
                em.remove(existing);
                audit(em, SecurityEventKind.DEFAULT_CLEARED, actor, field, existing.expression());
            });
            return new DefaultChange.Cleared();
        });
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
        }
    }

    private static String shown(Object value) {
        return value instanceof BigDecimal number ? number.toPlainString() : String.valueOf(value);
    }

    private static void audit(EntityManager em, SecurityEventKind kind, String actor, DefaultField field,
                              String expression) {
        String text = expression.length() <= AUDITED_LENGTH ? expression
                : expression.substring(0, AUDITED_LENGTH) + "…";
        em.persist(new SecurityEvent(kind, null, null, actor, field.model().modelName() + "." + field.field() + ": "
                + text));
    }
}
