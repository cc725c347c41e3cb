package app.strongroom.tenant.access;

import jakarta.ejb.ApplicationException;

/**
 * A write, create or delete would touch a record outside the user's record rules, or leave one there: refused, and
 * the transaction rolled back, so nothing changed.
 */
@ApplicationException(rollback = true)
public class OutsideRules extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OutsideRules(RecordModel model, Operation operation) {
        super("the record rules of " + model.modelName() + " do not allow this " + operation.name()
                .toLowerCase(java.util.Locale.ROOT));
    }
}
