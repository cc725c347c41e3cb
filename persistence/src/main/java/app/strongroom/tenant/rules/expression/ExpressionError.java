package app.strongroom.tenant.rules.expression;

import jakarta.ejb.ApplicationException;

/**
 * The one answer to an expression that cannot be used: what is wrong and where. Parsing and checking answer nothing
 * else for any input, whatever its content or size.
 */
@ApplicationException(rollback = true)
public final class ExpressionError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Position position;
    private final String reason;

    public ExpressionError(Position position, String reason) {
        super(position + ": " + reason, null, false, false);
        this.position = position;
        this.reason = reason;
    }

    public Position position() {
        return position;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }
}
