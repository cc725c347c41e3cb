package app.strongroom.tenant.defaults;

import app.strongroom.tenant.access.RecordModel;
import app.strongroom.tenant.access.UserContext;
import app.strongroom.tenant.rules.expression.ExpressionError;
import jakarta.persistence.EntityManager;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The defaults of one model's new record, computed for one user: each field's value, or none. */
public final class Defaults implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(Defaults.class.getName());

    // EnumMap, with values of String, BigDecimal, Boolean, LocalDate or Long: all serializable.
    private final EnumMap<DefaultField, Object> values;

    private Defaults(EnumMap<DefaultField, Object> values) {
        this.values = values;
    }

    /** No default for any field. */
    public static Defaults none() {
        return new Defaults(new EnumMap<>(DefaultField.class));
    }

    /** The administrator's defaults of {@code model}, computed for {@code user}; one that no longer checks gives none. */
    public static Defaults of(EntityManager em, RecordModel model, UserContext user) {
        EnumMap<DefaultField, Object> values = new EnumMap<>(DefaultField.class);
        DefaultEvaluator evaluator = new DefaultEvaluator(user);
        em.createNamedQuery(FieldDefault.OF_MODEL, FieldDefault.class).setParameter("model", model.modelName())
                .getResultStream().forEach(stored -> stored.field().ifPresent(field -> {
                    try {
                        values.put(field, evaluator.value(stored.parsed(), field.type()));
                    } catch (ExpressionError broken) {
                        LOG.warning(() -> "the default of " + field + " no longer checks and gives nothing: "
                                + broken.getMessage());
                    } catch (RuntimeException unexpected) {
                        // A default that cannot be computed must not stop records from being made.
                        LOG.log(Level.SEVERE, "the default of " + field + " failed and gives nothing", unexpected);
                    }
                }));
        return new Defaults(values);
    }

    public Optional<String> text(DefaultField field) {
        return typed(field, String.class);
    }

    public Optional<BigDecimal> number(DefaultField field) {
        return typed(field, BigDecimal.class);
    }

    public Optional<Boolean> bool(DefaultField field) {
        return typed(field, Boolean.class);
    }

    public Optional<LocalDate> date(DefaultField field) {
        return typed(field, LocalDate.class);
    }

    /** A reference's default: the id of the record. */
    public Optional<Long> id(DefaultField field) {
        return typed(field, Long.class);
    }

    private <T> Optional<T> typed(DefaultField field, Class<T> type) {
        Object value = values.get(field);
        if (value != null && !type.isInstance(value)) {
            throw new IllegalArgumentException(field + " is no " + type.getSimpleName());
        }
        return Optional.ofNullable(type.cast(value));
    }
}
