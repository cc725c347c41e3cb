package app.strongroom.tenant.access;

import java.util.Optional;

/**
 * One record rule judged against one record, for "explain access": whether the record lies inside it, or why the
 * rule could not be used (a stored expression that no longer checks, which then lets nothing through).
 */
public record RuleVerdict(String rule, Optional<String> group, String expression, boolean inside,
                          Optional<String> error) {
}
