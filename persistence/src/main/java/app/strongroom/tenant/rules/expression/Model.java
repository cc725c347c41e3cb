package app.strongroom.tenant.rules.expression;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A model as expressions see it: its name and the fields a rule may name. Every model also has {@code id}, a reference
 * to itself, so that {@code salesperson.id} and {@code salesperson} mean the same record.
 */
public record Model(String name, Map<String, FieldType> fields) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public Model {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a model name: " + name);
        }
        fields.keySet().forEach(field -> {
            if (!NAME.matcher(field).matches() || "id".equals(field) || "user".equals(field) || "today".equals(field)) {
                throw new IllegalArgumentException("not a field name an expression can use: " + field);
            }
        });
        fields = Map.copyOf(fields);
    }

    public Optional<FieldType> field(String field) {
        return "id".equals(field) ? Optional.of(new FieldType.Reference(name)) : Optional.ofNullable(fields.get(field));
    }

    /** The field names, sorted, for errors that say what there is. */
    public String fieldNames() {
        return String.join(", ", new TreeMap<>(fields).keySet());
    }
}
