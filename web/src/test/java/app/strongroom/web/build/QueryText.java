package app.strongroom.web.build;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds query text built by concatenation in Java source: any {@code +} chain that starts with a literal and whose
 * literals read as a SQL or JPQL statement, with an operand that is neither a literal, a {@code static final}
 * constant, nor a name the file declares as an {@code SqlIdentifier} (a checked, quoted identifier: the one thing DDL
 * may splice in), a {@code UUID}, a {@code boolean} or a whole number.
 */
final class QueryText {
    /** The literal text of a chain, joined, reads as a statement: a verb at its start and what that verb needs. */
    private static final Pattern SQL = Pattern.compile("(?is)^\\s*(select\\b.*\\bfrom\\b|insert\\s+into\\b"
            + "|update\\b.*\\bset\\b|delete\\s+from\\b|alter\\s+(table|database|role|sequence|index)\\b"
            + "|grant\\b.*\\b(to|on)\\b|revoke\\b.*\\bfrom\\b|create\\s+(table|database|role|index|sequence|schema)\\b"
            + "|drop\\s+(table|database|role|index|sequence|schema)\\b|truncate\\b|comment\\s+on\\b|copy\\b.*\\b(from|to)\\b)");
    /** Types whose values cannot carry query text: a checked identifier, a UUID, a boolean, a whole number. */
    private static final Pattern SAFE_DECLARATION = Pattern.compile(
            "\\b(SqlIdentifier|UUID|boolean|int|long)\\s+([a-zA-Z_][a-zA-Z0-9_]*)\\b");
    private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]*");

    private QueryText() {
    }

    /** Each concatenation in {@code source} that builds query text from something else, as "line N: expression". */
    static List<String> concatenations(String source) {
        String code = withoutComments(source);
        List<String> found = new ArrayList<>();
        List<String> identifiers = safelyTyped(code);
        for (Chain chain : chains(code)) {
            String text = chain.operands().stream().filter(o -> o.startsWith("\"")).map(QueryText::unquote)
                    .reduce("", (a, b) -> a + " " + b);
            boolean sql = chain.operands().get(0).startsWith("\"") && SQL.matcher(text).find();
            boolean spliced = chain.operands().stream().anyMatch(o -> !o.startsWith("\"")
                    && !CONSTANT.matcher(o).matches() && !identifiers.contains(o));
            if (sql && spliced) {
                found.add("line " + chain.line() + ": " + String.join(" + ", chain.operands()));
            }
        }
        return found;
    }

    private static List<String> safelyTyped(String code) {
        List<String> names = new ArrayList<>();
        Matcher m = SAFE_DECLARATION.matcher(code);
        while (m.find()) {
            names.add(m.group(2));
        }
        return names;
    }

    private record Chain(int line, List<String> operands) {
    }

    /**
     * The {@code +} chains of the source: maximal runs of operands joined by a binary {@code +}, where an operand is a
     * string literal or a bracket-balanced run of code up to the next operator at the same depth.
     */
    private static List<Chain> chains(String code) {
        List<Chain> chains = new ArrayList<>();
        int i = 0;
        while (i < code.length()) {
            if (code.charAt(i) == '"') {
                int start = i;
                List<String> operands = new ArrayList<>();
                int end = literalEnd(code, i);
                String before = previousOperand(code, start);
                if (before != null) {
                    operands.add(before);
                }
                operands.add(code.substring(start, end));
                i = end;
                while (true) {
                    int j = skipSpace(code, i);
                    if (j < code.length() && code.charAt(j) == '+' && (j + 1 >= code.length()
                            || (code.charAt(j + 1) != '+' && code.charAt(j + 1) != '='))) {
                        int k = skipSpace(code, j + 1);
                        int e = code.charAt(k) == '"' ? literalEnd(code, k) : operandEnd(code, k);
                        operands.add(code.substring(k, e).strip());
                        i = e;
                    } else {
                        break;
                    }
                }
                if (operands.size() > 1) {
                    chains.add(new Chain(lineOf(code, start), operands));
                }
            } else {
                i++;
            }
        }
        return chains;
    }

    /** The operand before a {@code +} that precedes the literal at {@code start}, if there is one. */
    private static String previousOperand(String code, int start) {
        int j = start - 1;
        while (j >= 0 && Character.isWhitespace(code.charAt(j))) {
            j--;
        }
        if (j < 0 || code.charAt(j) != '+' || (j > 0 && code.charAt(j - 1) == '+')) {
            return null;
        }
        int end = j;
        j--;
        while (j >= 0 && Character.isWhitespace(code.charAt(j))) {
            j--;
        }
        if (j >= 0 && code.charAt(j) == '"') {
            return null;
        }
        int depth = 0;
        int k = j;
        while (k >= 0) {
            char c = code.charAt(k);
            if (c == ')' || c == ']') {
                depth++;
            } else if (c == '(' || c == '[') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0 && (c == ',' || c == '=' || c == ';' || c == '{' || c == '+' || c == '?'
                    || c == ':' || c == '>' || c == '<' || c == '&' || c == '|')) {
                break;
            }
            k--;
        }
        return code.substring(k + 1, end).strip();
    }

    private static int operandEnd(String code, int k) {
        int depth = 0;
        int i = k;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '"') {
                i = literalEnd(code, i);
                continue;
            }
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if (depth == 0 && (c == ',' || c == ';' || c == '+' || c == '?' || c == ':' || c == '}')) {
                return i;
            }
            i++;
        }
        return i;
    }

    private static int literalEnd(String code, int start) {
        if (code.startsWith("\"\"\"", start)) {
            int end = code.indexOf("\"\"\"", start + 3);
            return end < 0 ? code.length() : end + 3;
        }
        int i = start + 1;
        while (i < code.length() && code.charAt(i) != '"') {
            i += code.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, code.length());
    }

    private static int skipSpace(String code, int i) {
        while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String unquote(String literal) {
        return literal.replaceAll("^\"+|\"+$", "");
    }

    private static int lineOf(String code, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The source with comments blanked out (line breaks kept, so line numbers hold) and literals left alone. */
    static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"') {
                int end = literalEnd(source, i);
                out.append(source, i, end);
                i = end;
            } else if (c == '\'' && i + 2 < source.length()) {
                int end = source.charAt(i + 1) == '\\' ? source.indexOf('\'', i + 3) + 1 : i + 3;
                out.append(source, i, end);
                i = end;
            } else if (source.startsWith("//", i)) {
                while (i < source.length() && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                source.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
