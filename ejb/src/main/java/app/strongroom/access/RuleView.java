package app.strongroom.access;

import app.strongroom.tenant.access.Operation;
import app.strongroom.tenant.access.RecordModel;
import app.strongroom.tenant.access.RecordRule;
import app.strongroom.tenant.user.UserGroup;
import java.util.Set;

/** A record rule as the administrator's page shows it; {@code group} is null for a global rule. */
public record RuleView(long id, String name, RecordModel model, String group, String expression,
                       Set<Operation> operations, long version) {
    static RuleView of(RecordRule rule) {
        return new RuleView(rule.id(), rule.name(), rule.model().orElseThrow(), rule.group().map(UserGroup::name)
                .orElse(null), rule.expression(), rule.operations(), rule.version());
    }
}
