package app.strongroom.tenant.rules.expression;

/** Where in an expression's text something starts: line and column, both from 1. */
public record Position(int line, int column) {
    public Position {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("lines and columns count from 1");
        }
    }

    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
