package app.strongroom.web.access;

import app.strongroom.access.RuleView;
import app.strongroom.tenant.access.Operation;
import app.strongroom.tenant.access.RecordModel;
import java.io.Serializable;
import java.util.Set;

/** The rule form: a new rule when {@code id} is empty, otherwise the rule being changed. */
public class RuleDraftForm implements Serializable {
    private static final long serialVersionUID = 1L;

    private Long id;
    private String name;
    private RecordModel model = RecordModel.SALES_ORDER;
    private String group;
    private String expression;
    // An array, not a list, so that Faces converts the ticked boxes to operations.
    private Operation[] operations = Operation.values();

    void fill(RuleView view) {
        id = view.id();
        name = view.name();
        model = view.model();
        group = view.group();
        expression = view.expression();
        operations = view.operations().toArray(Operation[]::new);
    }

    void clear() {
        id = null;
        name = null;
        group = null;
        expression = null;
        operations = Operation.values();
    }

    Set<Operation> chosenOperations() {
        return Set.of(operations);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public RecordModel getModel() {
        return model;
    }

    public void setModel(RecordModel model) {
        this.model = model;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getExpression() {
        return expression;
    }

    public void setExpression(String expression) {
        this.expression = expression;
    }

    public Operation[] getOperations() {
        return operations.clone();
    }

    public void setOperations(Operation[] operations) {
        this.operations = operations == null ? new Operation[0] : operations.clone();
    }
}
