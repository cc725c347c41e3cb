package app.strongroom.tenant.access;

import jakarta.ejb.ApplicationException;

/** The user holds no right for this operation on this model; nothing was read or changed. */
@ApplicationException(rollback = true)
public class AccessRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final RecordModel model;
    private final Operation operation;

    public AccessRefused(RecordModel model, Operation operation) {
        super("no right to " + operation.name().toLowerCase(java.util.Locale.ROOT) + " " + model.modelName());
        this.model = model;
        this.operation = operation;
    }

    public RecordModel model() {
        return model;
    }

    public Operation operation() {
        return operation;
    }
}
