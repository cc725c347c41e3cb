package app.strongroom.defaults;

import app.strongroom.tenant.defaults.DefaultField;
import java.util.Optional;

/**
 * A field that takes a default, as the administrator's page shows it: the expression ({@code ""} when there is none),
 * the value it gives the administrator today, or why a stored one no longer gives anything.
 */
public record DefaultView(DefaultField field, String expression, Optional<String> value, Optional<String> broken) {
}
