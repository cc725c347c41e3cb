package app.strongroom.tenant.access;

import java.util.List;

/**
 * Why a user may or may not do an operation on a record: the right (and which groups grant it, or the
 * administrator flag), the global rules (all must hold) and the rules of the user's groups (one must hold, when
 * there are any).
 */
public record AccessExplanation(RecordModel model, Operation operation, long recordId, boolean recordExists,
                                boolean administrator, List<String> grantedBy, List<RuleVerdict> globalRules,
                                List<RuleVerdict> groupRules, boolean allowed) {
    public AccessExplanation {
        grantedBy = List.copyOf(grantedBy);
        globalRules = List.copyOf(globalRules);
        groupRules = List.copyOf(groupRules);
    }

    public boolean hasRight() {
        return administrator || !grantedBy.isEmpty();
    }
}
