package app.strongroom.access;

import app.strongroom.tenant.access.Operation;
import app.strongroom.tenant.access.RecordModel;
import java.util.Set;

/** What one group (or everyone, when {@code group} is null) may do on one model. */
public record RightView(RecordModel model, String group, Set<Operation> granted) {
    public RightView {
        granted = Set.copyOf(granted);
    }
}
