package app.strongroom.tenant.access;

import app.strongroom.common.InvalidValue;
import app.strongroom.common.Require;
import app.strongroom.tenant.rules.expression.Expression;
import app.strongroom.tenant.rules.expression.ExpressionChecker;
import app.strongroom.tenant.user.UserGroup;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A domain a model's records must lie in for some operations: Odoo's {@code ir.rule}. Without a group the rule is
 * global and binds everybody; with one it binds members of that group, OR-ed with their other groups' rules. The
 * expression is checked when the rule is made or changed, so a rule that does not check is never saved (P19).
 */
@Entity
@Table(name = "record_rule")
@NamedQuery(name = RecordRule.ALL, query = "select r from RecordRule r order by r.model, r.name, r.id")
@NamedQuery(name = RecordRule.OF_MODEL, query = "select r from RecordRule r where r.model = :model order by r.id")
public class RecordRule {
    public static final String ALL = "RecordRule.all";
    public static final String OF_MODEL = "RecordRule.ofModel";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private String model;
    @ManyToOne
    @JoinColumn(name = "group_id")
    private UserGroup group;
    @Column(nullable = false)
    private String expression;
    @Column(name = "on_read", nullable = false)
    private boolean onRead;
    @Column(name = "on_write", nullable = false)
    private boolean onWrite;
    @Column(name = "on_create", nullable = false)
    private boolean onCreate;
    @Column(name = "on_delete", nullable = false)
    private boolean onDelete;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Version
    private long version;

    protected RecordRule() {
    }

    /** @throws app.strongroom.tenant.rules.expression.ExpressionError when the expression does not check */
    public RecordRule(String name, RecordModel model, Optional<UserGroup> group, String expression,
                      Set<Operation> operations) {
        if (!model.isManaged()) {
            throw new IllegalArgumentException(model.modelName() + " carries no rules");
        }
        this.model = model.modelName();
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        change(name, group, expression, operations);
    }

    public final void change(String name, Optional<UserGroup> group, String expression, Set<Operation> operations) {
        new ExpressionChecker(RecordModel.SCHEMA).parseFor(model, expression);
        if (operations.isEmpty()) {
            throw new InvalidValue("operations", "must name at least one operation");
        }
        this.name = Require.text("name", name, 100).strip();
        this.group = group.orElse(null);
        this.expression = expression;
        onRead = operations.contains(Operation.READ);
        onWrite = operations.contains(Operation.WRITE);
        onCreate = operations.contains(Operation.CREATE);
        onDelete = operations.contains(Operation.DELETE);
    }

    /** The checked tree; a stored rule that no longer checks (a field renamed by an upgrade) answers its error. */
    public Expression parsed() {
        return new ExpressionChecker(RecordModel.SCHEMA).parseFor(model,
                expression);
    }

    public boolean appliesTo(Operation operation) {
        return switch (operation) {
            case READ -> onRead;
            case WRITE -> onWrite;
            case CREATE -> onCreate;
            case DELETE -> onDelete;
        };
    }

    public Set<Operation> operations() {
        Set<Operation> operations = EnumSet.noneOf(Operation.class);
        for (Operation operation : Operation.values()) {
            if (appliesTo(operation)) {
                operations.add(operation);
            }
        }
        return operations;
    }

    public boolean isGlobal() {
        return group == null;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Optional<RecordModel> model() {
        return RecordModel.named(model).filter(RecordModel::isManaged);
    }

    public Optional<UserGroup> group() {
        return Optional.ofNullable(group);
    }

    public String expression() {
        return expression;
    }

    public long version() {
        return version;
    }
}
