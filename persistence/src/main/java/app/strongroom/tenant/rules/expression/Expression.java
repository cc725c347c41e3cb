package app.strongroom.tenant.rules.expression;

import java.math.BigDecimal;
import java.util.List;

/** An expression's syntax tree: a closed set of nodes, each knowing where its text starts. */
public sealed interface Expression {
    Position position();

    /** Every operand true. */
    record And(List<Expression> operands, Position position) implements Expression {
        public And {
            operands = List.copyOf(operands);
        }
    }

    /** At least one operand true. */
    record Or(List<Expression> operands, Position position) implements Expression {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    record Not(Expression operand, Position position) implements Expression {
    }

    record Comparison(Operand left, Comparator comparator, Operand right, Position position) implements Expression {
    }

    /** {@code left in (a, b)} or {@code left in user.groups}, or their negation with {@code not in}. */
    record Membership(Operand left, boolean negated, Operand set, Position position) implements Expression {
    }

    enum Comparator {
        EQUAL("="), NOT_EQUAL("!="), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">=");

        private final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** Whether it orders its operands, so that only ordered types (numbers, dates, text) may be compared. */
        public boolean orders() {
            return this != EQUAL && this != NOT_EQUAL;
        }
    }

    /** What a comparison or membership compares. */
    sealed interface Operand {
        Position position();
    }

    /** A field of the record, or of a record it refers to: {@code salesperson.company.name}. */
    record FieldPath(List<String> names, Position position) implements Operand {
        public FieldPath {
            names = List.copyOf(names);
        }

        public String dotted() {
            return String.join(".", names);
        }
    }

    record Variable(VariableName name, Position position) implements Operand {
    }

    /** {@code today + 30} or {@code today - 7}: the date that many days from today (UTC). */
    record DaysFromToday(int days, Position position) implements Operand {
    }

    enum VariableName {
        USER_ID("user.id"), USER_GROUPS("user.groups"), USER_COMPANY("user.company"), TODAY("today");

        private final String text;

        VariableName(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** Text, a whole or decimal number, true or false, or null. */
    sealed interface Literal extends Operand {
    }

    record Text(String value, Position position) implements Literal {
    }

    record Number(BigDecimal value, Position position) implements Literal {
    }

    record Bool(boolean value, Position position) implements Literal {
    }

    record Null(Position position) implements Literal {
    }

    /** {@code (a, b, c)}: only after {@code in}. */
    record LiteralList(List<Literal> values, Position position) implements Operand {
        public LiteralList {
            values = List.copyOf(values);
        }
    }
}
