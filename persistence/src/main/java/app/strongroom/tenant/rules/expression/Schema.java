package app.strongroom.tenant.rules.expression;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The models expressions are written for and can reach through references. The user, company and group models the
 * variables refer to ({@code user.id}, {@code user.company}, {@code user.groups}) are part of every schema.
 */
public final class Schema {
    public static final String USER = "user";
    public static final String COMPANY = "company";
    public static final String GROUP = "group";

    private final Map<String, Model> models = new HashMap<>();

    public Schema(List<Model> models) {
        models.forEach(model -> {
            if (this.models.put(model.name(), model) != null) {
                throw new IllegalArgumentException("model " + model.name() + " is there twice");
            }
        });
        for (String needed : List.of(USER, COMPANY, GROUP)) {
            if (!this.models.containsKey(needed)) {
                throw new IllegalArgumentException("a schema has the " + needed + " model the variables refer to");
            }
        }
        this.models.values().forEach(model -> model.fields().forEach((field, type) -> {
            if (type instanceof FieldType.Reference reference && !this.models.containsKey(reference.model())) {
                throw new IllegalArgumentException(model.name() + "." + field + " refers to no model of the schema");
            }
        }));
    }

    public Optional<Model> find(String name) {
        return Optional.ofNullable(models.get(name));
    }

    public Model model(String name) {
        return find(name).orElseThrow(() -> new NoSuchElementException("no model " + name));
    }
}
