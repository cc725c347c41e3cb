package app.strongroom.access;

import app.strongroom.tenant.access.Operation;
import app.strongroom.tenant.access.RecordModel;
import java.util.Set;

/** A rule as the administrator writes it: {@code group} null makes it global. */
public record RuleDraft(String name, RecordModel model, String group, String expression, Set<Operation> operations) {
    public RuleDraft {
        operations = Set.copyOf(operations);
    }
}
