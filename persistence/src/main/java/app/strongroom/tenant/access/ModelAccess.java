package app.strongroom.tenant.access;

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
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The operations one group (or, with no group, every user) may do on one model: Odoo's {@code ir.model.access}.
 * Rights only ever grant; a user holds the union of what their groups are granted.
 */
@Entity
@Table(name = "model_access")
@NamedQuery(name = ModelAccess.ALL, query = "select a from ModelAccess a order by a.model, a.id")
public class ModelAccess {
    public static final String ALL = "ModelAccess.all";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String model;
    @ManyToOne
    @JoinColumn(name = "group_id")
    private UserGroup group;
    @Column(name = "can_read", nullable = false)
    private boolean canRead;
    @Column(name = "can_write", nullable = false)
    private boolean canWrite;
    @Column(name = "can_create", nullable = false)
    private boolean canCreate;
    @Column(name = "can_delete", nullable = false)
    private boolean canDelete;
    @Version
    private long version;

    protected ModelAccess() {
    }

    /** {@code group} empty: the right is every user's. */
    public ModelAccess(RecordModel model, Optional<UserGroup> group, Set<Operation> granted) {
        if (!model.isManaged()) {
            throw new IllegalArgumentException(model.modelName() + " carries no rights");
        }
        this.model = model.modelName();
        this.group = group.orElse(null);
        grant(granted);
    }

    /** Makes {@code granted} exactly the operations this right grants. */
    public final void grant(Set<Operation> granted) {
        canRead = granted.contains(Operation.READ);
        canWrite = granted.contains(Operation.WRITE);
        canCreate = granted.contains(Operation.CREATE);
        canDelete = granted.contains(Operation.DELETE);
    }

    public Set<Operation> granted() {
        Set<Operation> granted = EnumSet.noneOf(Operation.class);
        if (canRead) {
            granted.add(Operation.READ);
        }
        if (canWrite) {
            granted.add(Operation.WRITE);
        }
        if (canCreate) {
            granted.add(Operation.CREATE);
        }
        if (canDelete) {
            granted.add(Operation.DELETE);
        }
        return granted;
    }

    /** The model, or empty for a row naming a model this build does not know (which then grants nothing). */
    public Optional<RecordModel> model() {
        return RecordModel.named(model).filter(RecordModel::isManaged);
    }

    public Optional<UserGroup> group() {
        return Optional.ofNullable(group);
    }

    public boolean appliesTo(Set<UserGroup> groups) {
        return group == null || groups.contains(group);
    }
}
