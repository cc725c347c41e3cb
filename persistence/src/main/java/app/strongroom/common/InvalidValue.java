package app.strongroom.common;

import jakarta.ejb.ApplicationException;

/**
 * A value a rule refuses, with the rule apart from the field's name, so a form can say it next to the field under
 * the field's own label ("Short name" + "is taken") while logs and tests still read the whole sentence.
 */
@ApplicationException(rollback = true)
public class InvalidValue extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String rule;

    public InvalidValue(String field, String rule) {
        super(field + " " + rule);
        this.field = field;
        this.rule = rule;
    }

    /** The field as the domain names it ("tenant name"). */
    public String field() {
        return field;
    }

    /** What is wrong, without the field's name: "is required", "is longer than 200 characters". */
    public String rule() {
        return rule;
    }
}
