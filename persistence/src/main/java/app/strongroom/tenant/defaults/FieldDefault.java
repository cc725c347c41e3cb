package app.strongroom.tenant.defaults;

import app.strongroom.tenant.access.RecordModel;
import app.strongroom.tenant.rules.expression.Computed;
import app.strongroom.tenant.rules.expression.ExpressionChecker;
import app.strongroom.tenant.rules.expression.ExpressionError;
import app.strongroom.tenant.rules.expression.Position;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The computed default of one field. Its expression is checked against the field's type whenever it is set, so a
 * default that does not check is never saved; one that stopped checking (a field an upgrade changed) gives nothing.
 */
@Entity
@Table(name = "field_default")
@NamedQuery(name = FieldDefault.ALL, query = "select d from FieldDefault d order by d.model, d.field")
@NamedQuery(name = FieldDefault.OF_MODEL, query = "select d from FieldDefault d where d.model = :model")
@NamedQuery(name = FieldDefault.OF_FIELD, query = "select d from FieldDefault d where d.model = :model"
        + " and d.field = :field")
public class FieldDefault {
    public static final String ALL = "FieldDefault.all";
    public static final String OF_MODEL = "FieldDefault.ofModel";
    public static final String OF_FIELD = "FieldDefault.ofField";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String model;
    @Column(nullable = false)
    private String field;
    @Column(nullable = false)
    private String expression;
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;
    @Version
    private long version;

    protected FieldDefault() {
    }

    /** @throws ExpressionError when the expression does not check */
    public FieldDefault(DefaultField field, String expression) {
        this.model = field.model().modelName();
        this.field = field.field();
        change(expression);
    }

    /** The stored default of {@code field}, if the administrator gave it one. */
    public static Optional<FieldDefault> of(EntityManager em, DefaultField field) {
        return em.createNamedQuery(OF_FIELD, FieldDefault.class).setParameter("model", field.model().modelName())
                .setParameter("field", field.field()).getResultStream().findFirst();
    }

    /** @throws ExpressionError when the expression does not check */
    public final void change(String expression) {
        DefaultField target = field().orElseThrow(() -> new IllegalStateException("no such default field"));
        check(target, expression);
        this.expression = expression;
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** The checked tree; a stored default that no longer checks answers its error. */
    public Computed parsed() {
        return check(field().orElseThrow(() -> new ExpressionError(new Position(1, 1), "the field " + model + "."
                + field + " takes no default any more")), expression);
    }

    private static Computed check(DefaultField target, String expression) {
        Computed computed = new ExpressionChecker(RecordModel.SCHEMA).parseDefaultFor(target.model().modelName(),
                target.type(), expression);
        target.checkLimits(computed);
        return computed;
    }

    public Optional<DefaultField> field() {
        return DefaultField.of(model, field);
    }

    public String expression() {
        return expression;
    }

    public long id() {
        return id;
    }
}
