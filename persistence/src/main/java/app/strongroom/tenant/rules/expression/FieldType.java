package app.strongroom.tenant.rules.expression;

import java.util.List;

/** What a model's field holds, as far as expressions compare it. */
public sealed interface FieldType {
    enum Scalar implements FieldType {
        TEXT("text"), NUMBER("a number"), BOOLEAN("true or false"), DATE("a date");

        private final String described;

        Scalar(String described) {
            this.described = described;
        }

        @Override
        public String describe() {
            return described;
        }
    }

    /** A many-to-one relation to a record of {@code model}; compared as that record (its id). */
    record Reference(String model) implements FieldType {
        @Override
        public String describe() {
            return "a " + model + " record";
        }
    }

    /** Text that is one of a closed set of values, such as an order's state; compared with = != and in only. */
    record Choice(List<String> values) implements FieldType {
        public Choice {
            values = List.copyOf(values);
        }

        @Override
        public String describe() {
            return "one of " + String.join(", ", values);
        }
    }

    /** In words, for errors: "text", "a number", "a sales order record". */
    String describe();
}
