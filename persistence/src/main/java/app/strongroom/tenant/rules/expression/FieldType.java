package app.strongroom.tenant.rules.expression;

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

    /** In words, for errors: "text", "a number", "a sales order record". */
    String describe();
}
