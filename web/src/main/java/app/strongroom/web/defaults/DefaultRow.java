package app.strongroom.web.defaults;

import app.strongroom.defaults.DefaultView;
import app.strongroom.tenant.defaults.DefaultField;
import java.io.Serializable;

/** One field's default as the form holds it: the stored expression and what the administrator typed over it. */
public class DefaultRow implements Serializable {
    private static final long serialVersionUID = 1L;

    private final DefaultField field;
    private final String stored;
    private final String value;
    private final String broken;
    private String expression;

    DefaultRow(DefaultView view) {
        this.field = view.field();
        this.stored = view.expression();
        this.value = view.value().orElse(null);
        this.broken = view.broken().orElse(null);
        this.expression = view.expression();
    }

    boolean changed() {
        return !stored.equals(expression == null ? "" : expression.strip());
    }

    /** The expression the administrator was shown, {@code ""} for none: a save changes the default only from it. */
    String stored() {
        return stored;
    }

    public DefaultField getField() {
        return field;
    }

    public String getModel() {
        return field.model().modelName();
    }

    public String getValue() {
        return value;
    }

    public String getBroken() {
        return broken;
    }

    public String getExpression() {
        return expression;
    }

    public void setExpression(String expression) {
        this.expression = expression;
    }
}
