package app.strongroom.tenant.rules.expression;

import app.strongroom.tenant.rules.expression.Expression.Comparator;
import app.strongroom.tenant.rules.expression.Expression.Literal;
import app.strongroom.tenant.rules.expression.Expression.Operand;
import app.strongroom.tenant.rules.expression.Expression.VariableName;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses an expression's text into its tree by recursive descent, within fixed bounds, or answers
 * {@link ExpressionError} naming the first thing wrong and where. No input makes it answer anything else, loop, or
 * recurse deeper than {@link #MAX_DEPTH}.
 */
public final class ExpressionParser {
    public static final int MAX_LENGTH = 2000;
    public static final int MAX_DEPTH = 20;
    public static final int MAX_NODES = 200;
    public static final int MAX_PATH = 4;
    public static final int MAX_LIST = 100;
    public static final int MAX_TEXT = 500;
    public static final int MAX_DIGITS = 30;
    /** {@code today + n} reaches at most a hundred years either way. */
    public static final int MAX_DAYS = 36_500;

    private final List<Token> tokens;
    private int next;
    private int depth;
    private int nodes;

    private ExpressionParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    public static Expression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ExpressionError(new Position(1, 1), "the expression is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new ExpressionError(new Position(1, 1), "the expression is longer than " + MAX_LENGTH + " characters");
        }
        ExpressionParser parser = new ExpressionParser(Lexer.tokens(text));
        Expression expression = parser.or();
        parser.expectEnd();
        return expression;
    }

    /**
     * Parses a computed default: {@code if condition then value else value}, nested as deep as the bounds allow, or a
     * single value. The same bounds as for expressions hold.
     */
    public static Computed parseDefault(String text) {
        if (text == null || text.isBlank()) {
            throw new ExpressionError(new Position(1, 1), "the default is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new ExpressionError(new Position(1, 1), "the default is longer than " + MAX_LENGTH + " characters");
        }
        ExpressionParser parser = new ExpressionParser(Lexer.tokens(text));
        Computed computed = parser.computed();
        parser.expectEnd();
        return computed;
    }

    private Computed computed() {
        Token token = peek();
        if (token.kind() != Kind.IF) {
            if (token.kind() == Kind.THEN || token.kind() == Kind.ELSE) {
                throw new ExpressionError(token.position(), "unexpected " + token.describe() + " without its if");
            }
            Operand value = operand();
            return node(new Computed.Value(value, value.position()));
        }
        next++;
        enter();
        Expression condition = or();
        expect(Kind.THEN, "then");
        Computed then = computed();
        expect(Kind.ELSE, "else: every if has an else");
        Computed otherwise = computed();
        depth--;
        return node(new Computed.Conditional(condition, then, otherwise, token.position()));
    }

    private void expectEnd() {
        Token end = peek();
        if (end.kind() != Kind.END) {
            throw new ExpressionError(end.position(), "unexpected " + end.describe() + " after a complete expression");
        }
    }

    private Expression or() {
        enter();
        Position at = peek().position();
        List<Expression> operands = new ArrayList<>(List.of(and()));
        while (accept(Kind.OR)) {
            operands.add(and());
        }
        depth--;
        return operands.size() == 1 ? operands.get(0) : node(new Expression.Or(operands, at));
    }

    private Expression and() {
        Position at = peek().position();
        List<Expression> operands = new ArrayList<>(List.of(not()));
        while (accept(Kind.AND)) {
            operands.add(not());
        }
        return operands.size() == 1 ? operands.get(0) : node(new Expression.And(operands, at));
    }

    private Expression not() {
        Token token = peek();
        if (token.kind() == Kind.NOT) {
            next++;
            enter();
            Expression operand = not();
            depth--;
            return node(new Expression.Not(operand, token.position()));
        }
        if (accept(Kind.OPEN)) {
            Expression inner = or();
            expect(Kind.CLOSE, "a closing parenthesis");
            return inner;
        }
        return predicate();
    }

    private Expression predicate() {
        Operand left = operand();
        Token token = peek();
        if (token.kind() == Kind.COMPARATOR) {
            next++;
            Operand right = operand();
            return node(new Expression.Comparison(left, comparator(token.text()), right, left.position()));
        }
        if (token.kind() == Kind.IN) {
            next++;
            return node(new Expression.Membership(left, false, set(), left.position()));
        }
        if (token.kind() == Kind.NOT && peekAfter().kind() == Kind.IN) {
            next += 2;
            return node(new Expression.Membership(left, true, set(), left.position()));
        }
        throw new ExpressionError(token.position(), "expected a comparison (=, !=, <, <=, >, >=, in, not in) but found "
                + token.describe());
    }

    private Operand set() {
        Token token = peek();
        if (token.kind() != Kind.OPEN) {
            Operand operand = operand();
            if (operand instanceof Literal) {
                throw new ExpressionError(operand.position(), "after in comes a list in parentheses or user.groups");
            }
            return operand;
        }
        next++;
        List<Literal> values = new ArrayList<>();
        do {
            if (values.size() == MAX_LIST) {
                throw new ExpressionError(peek().position(), "a list holds at most " + MAX_LIST + " values");
            }
            Operand value = operand();
            if (!(value instanceof Literal literal)) {
                throw new ExpressionError(value.position(), "a list holds only literal values");
            }
            values.add(literal);
        } while (accept(Kind.COMMA));
        expect(Kind.CLOSE, "a comma or a closing parenthesis");
        return node(new Expression.LiteralList(values, token.position()));
    }

    private Operand operand() {
        Token token = peek();
        next++;
        return switch (token.kind()) {
            case TEXT -> node(new Expression.Text(token.text(), token.position()));
            case NUMBER -> node(new Expression.Number(new BigDecimal(token.text()), token.position()));
            case TRUE -> node(new Expression.Bool(true, token.position()));
            case FALSE -> node(new Expression.Bool(false, token.position()));
            case NULL -> node(new Expression.Null(token.position()));
            case NAME -> nameOrVariable(token);
            default -> throw new ExpressionError(token.position(), "expected a field, a value or a variable but found "
                    + token.describe());
        };
    }

    private Operand nameOrVariable(Token first) {
        List<String> names = new ArrayList<>(List.of(first.text()));
        while (accept(Kind.DOT)) {
            Token name = peek();
            if (name.kind() != Kind.NAME) {
                throw new ExpressionError(name.position(), "expected a field name after the dot but found "
                        + name.describe());
            }
            next++;
            names.add(name.text());
            if (names.size() > MAX_PATH) {
                throw new ExpressionError(name.position(), "a field path has at most " + MAX_PATH + " names");
            }
        }
        String dotted = String.join(".", names);
        if ("user".equals(first.text()) || "today".equals(first.text())) {
            for (VariableName variable : VariableName.values()) {
                if (variable.text().equals(dotted)) {
                    return variable == VariableName.TODAY ? today(first) : node(new Expression.Variable(variable,
                            first.position()));
                }
            }
            throw new ExpressionError(first.position(), "unknown variable " + dotted
                    + ": there are user.id, user.groups, user.company and today");
        }
        return node(new Expression.FieldPath(names, first.position()));
    }

    /** {@code today}, or {@code today + n} / {@code today - n} days. */
    private Operand today(Token today) {
        Token sign = peek();
        boolean minus;
        Token days;
        if (sign.kind() == Kind.PLUS || sign.kind() == Kind.MINUS) {
            next++;
            minus = sign.kind() == Kind.MINUS;
            days = peek();
            if (days.kind() != Kind.NUMBER || days.text().startsWith("-")) {
                throw new ExpressionError(days.position(), "expected a number of days after " + sign.describe()
                        + " but found " + days.describe());
            }
            next++;
        } else if (sign.kind() == Kind.NUMBER && sign.text().startsWith("-")) {
            // "today -3": the lexer read the minus as the number's sign.
            next++;
            minus = false;
            days = sign;
        } else {
            return node(new Expression.Variable(VariableName.TODAY, today.position()));
        }
        BigDecimal count = new BigDecimal(days.text());
        if (count.scale() > 0 || count.abs().compareTo(BigDecimal.valueOf(MAX_DAYS)) > 0) {
            throw new ExpressionError(days.position(), "a number of days is a whole number of at most " + MAX_DAYS);
        }
        int value = count.intValueExact();
        return node(new Expression.DaysFromToday(minus ? -value : value, today.position()));
    }

    private static Comparator comparator(String symbol) {
        for (Comparator comparator : Comparator.values()) {
            if (comparator.symbol().equals(symbol)) {
                return comparator;
            }
        }
        throw new IllegalStateException("the lexer made comparator " + symbol);
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new ExpressionError(peek().position(), "the expression nests deeper than " + MAX_DEPTH + " levels");
        }
    }

    private <T> T node(T node) {
        if (++nodes > MAX_NODES) {
            throw new ExpressionError(peek().position(), "the expression has more than " + MAX_NODES + " parts");
        }
        return node;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token peekAfter() {
        return tokens.get(Math.min(next + 1, tokens.size() - 1));
    }

    private boolean accept(Kind kind) {
        if (peek().kind() == kind) {
            next++;
            return true;
        }
        return false;
    }

    private void expect(Kind kind, String what) {
        Token token = peek();
        if (token.kind() != kind) {
            throw new ExpressionError(token.position(), "expected " + what + " but found " + token.describe());
        }
        next++;
    }

    enum Kind {
        NAME, TEXT, NUMBER, TRUE, FALSE, NULL, AND, OR, NOT, IN, IF, THEN, ELSE, COMPARATOR, OPEN, CLOSE, COMMA, DOT,
        PLUS, MINUS, END
    }

    record Token(Kind kind, String text, Position position) {
        String describe() {
            return switch (kind) {
                case END -> "the end of the expression";
                case TEXT -> "the text '" + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "'";
                default -> "'" + text + "'";
            };
        }
    }

    /** Splits the text into tokens, tracking lines and columns; refuses any character the grammar does not use. */
    static final class Lexer {
        private final String text;
        private int index;
        private int line = 1;
        private int column = 1;

        private Lexer(String text) {
            this.text = text;
        }

        static List<Token> tokens(String text) {
            Lexer lexer = new Lexer(text);
            List<Token> tokens = new ArrayList<>();
            Token token;
            do {
                token = lexer.next();
                tokens.add(token);
            } while (token.kind() != Kind.END);
            return tokens;
        }

        private Token next() {
            skipSpace();
            Position at = new Position(line, column);
            if (index >= text.length()) {
                return new Token(Kind.END, "", at);
            }
            char c = text.charAt(index);
            if (c == '\'') {
                return new Token(Kind.TEXT, text(at), at);
            }
            if (isDigit(c) || (c == '-' && index + 1 < text.length() && isDigit(text.charAt(index + 1)))) {
                return new Token(Kind.NUMBER, number(at), at);
            }
            if (isNameStart(c)) {
                int start = index;
                while (index < text.length() && isNamePart(text.charAt(index))) {
                    advance();
                }
                String name = text.substring(start, index);
                if (name.length() > 64) {
                    throw new ExpressionError(at, "a name is at most 64 characters long");
                }
                return new Token(keyword(name), name, at);
            }
            for (String symbol : new String[] {"!=", "<=", ">=", "=", "<", ">"}) {
                if (text.startsWith(symbol, index)) {
                    for (int i = 0; i < symbol.length(); i++) {
                        advance();
                    }
                    return new Token(Kind.COMPARATOR, symbol, at);
                }
            }
            Kind single = switch (c) {
                case '(' -> Kind.OPEN;
                case ')' -> Kind.CLOSE;
                case ',' -> Kind.COMMA;
                case '.' -> Kind.DOT;
                case '+' -> Kind.PLUS;
                case '-' -> Kind.MINUS;
                default -> null;
            };
            if (single == null) {
                throw new ExpressionError(at, "unexpected character " + printable(c));
            }
            advance();
            return new Token(single, String.valueOf(c), at);
        }

        private String text(Position at) {
            advance();
            StringBuilder value = new StringBuilder();
            while (true) {
                if (index >= text.length()) {
                    throw new ExpressionError(at, "the text that starts here has no closing quote");
                }
                char c = text.charAt(index);
                if (c == '\'') {
                    advance();
                    if (index < text.length() && text.charAt(index) == '\'') {
                        value.append('\'');
                        advance();
                        continue;
                    }
                    return value.toString();
                }
                // Format characters (bidirectional overrides, zero-width marks) would show a reader other text
                // than the one stored, on the rules page and in the audit trail.
                if (c == '\n' || c == '\r' || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                    throw new ExpressionError(new Position(line, column), "a text holds no line breaks, control "
                            + "or invisible formatting characters");
                }
                if (value.length() == MAX_TEXT) {
                    throw new ExpressionError(at, "a text is at most " + MAX_TEXT + " characters long");
                }
                value.append(c);
                advance();
            }
        }

        private String number(Position at) {
            int start = index;
            if (text.charAt(index) == '-') {
                advance();
            }
            while (index < text.length() && isDigit(text.charAt(index))) {
                advance();
            }
            if (index + 1 < text.length() && text.charAt(index) == '.' && isDigit(text.charAt(index + 1))) {
                advance();
                while (index < text.length() && isDigit(text.charAt(index))) {
                    advance();
                }
            }
            if (index < text.length() && isNamePart(text.charAt(index))) {
                throw new ExpressionError(new Position(line, column), "a number is followed by "
                        + printable(text.charAt(index)));
            }
            String number = text.substring(start, index);
            if (number.length() > MAX_DIGITS) {
                throw new ExpressionError(at, "a number has at most " + MAX_DIGITS + " digits");
            }
            return number;
        }

        private void skipSpace() {
            while (index < text.length()) {
                char c = text.charAt(index);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                advance();
            }
        }

        private void advance() {
            if (text.charAt(index) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            index++;
        }

        private static Kind keyword(String name) {
            return switch (name) {
                case "and" -> Kind.AND;
                case "or" -> Kind.OR;
                case "not" -> Kind.NOT;
                case "in" -> Kind.IN;
                case "if" -> Kind.IF;
                case "then" -> Kind.THEN;
                case "else" -> Kind.ELSE;
                case "true" -> Kind.TRUE;
                case "false" -> Kind.FALSE;
                case "null" -> Kind.NULL;
                default -> Kind.NAME;
            };
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isNameStart(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        }

        private static boolean isNamePart(char c) {
            return isNameStart(c) || isDigit(c);
        }

        private static String printable(char c) {
            return Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSurrogate(c)
                    ? String.format("U+%04X", (int) c) : "'" + c + "'";
        }
    }
}
