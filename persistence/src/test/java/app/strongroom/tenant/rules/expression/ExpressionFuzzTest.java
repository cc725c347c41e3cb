package app.strongroom.tenant.rules.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Tens of thousands of random and mutated inputs: the parser and the checker answer each with a checked tree or with
 * {@link ExpressionError}, never with another exception or a stack overflow. The seed is printed on failure.
 */
class ExpressionFuzzTest {
    private static final List<String> VALID = List.of(
            "b.id = user.id or b = null",
            "b.login != 'x' and a in ('sent', 'confirmed')",
            "not (n > 1000.50) and team in user.groups",
            "n <= 3 and (a != 'cancelled' or b = 7)",
            "a = 'O''Brien' and a not in ('FR', 'DE', 'IT')",
            "d <= today + 30 and d > today - 7 and 3 in user.groups");
    private static final List<String> VALID_DEFAULTS = List.of(
            "if 3 in user.groups and today >= '2026-01-01' then today + 30 else today - 2",
            "if user.company = 2 or not (user.id in (4, 5)) then today else if today < today + 1 then today else today");
    private static final Schema SCHEMA = new Schema(List.of(
            new Model("user", java.util.Map.of("login", FieldType.Scalar.TEXT)),
            new Model("company", java.util.Map.of()), new Model("group", java.util.Map.of()),
            new Model("thing", java.util.Map.of("a", FieldType.Scalar.TEXT, "n", FieldType.Scalar.NUMBER,
                    "b", new FieldType.Reference("user"), "team", new FieldType.Reference("group"),
                    "d", FieldType.Scalar.DATE))));
    private static final String[] PIECES = {"a", "n", "team", "b.login", "b.c", "user.id", "user.groups", "today", "'x'", "'", "''", "1",
        "if", "then", "else", "+", "-", "today + 3", "today -", "- 36501", "d",
        "-2.5", "1.", ".", "(", ")", ",", "=", "!=", "<", "<=", ">", ">=", "and", "or", "not", "in", "true", "null",
        " ", "\n", "\t", "#", "\\", "\"", ";", "--", "/*", "$", "{", "\u0000", "\u00e9", "\ud83d\ude00", "\ud800"};

    @Test
    void everyInputGetsATreeOrTheDocumentedError() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int trees = 0;
        int errors = 0;
        for (int i = 0; i < 60_000; i++) {
            String input = switch (i % 3) {
                case 0 -> randomPieces(random);
                case 1 -> mutated(random, VALID.get(random.nextInt(VALID.size())));
                default -> randomChars(random);
            };
            try {
                Expression tree = ExpressionParser.parse(input);
                new ExpressionChecker(SCHEMA).check(tree, SCHEMA.model("thing"));
                trees++;
            } catch (ExpressionError expected) {
                assertThat(expected.position().line()).isPositive();
                errors++;
            } catch (RuntimeException | StackOverflowError other) {
                fail("seed " + seed + ", input " + escaped(input) + ": " + other, other);
            }
        }
        assertThat(trees).as("some inputs are valid and well typed").isPositive();
        assertThat(errors).as("most are not").isGreaterThan(trees);
    }

    /** The same for computed defaults: a checked tree of a date default, or the documented error. */
    @Test
    void everyDefaultGetsATreeOrTheDocumentedError() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int trees = 0;
        for (int i = 0; i < 30_000; i++) {
            String input = switch (i % 3) {
                case 0 -> randomPieces(random);
                case 1 -> mutated(random, VALID_DEFAULTS.get(random.nextInt(VALID_DEFAULTS.size())));
                default -> randomChars(random);
            };
            try {
                new ExpressionChecker(SCHEMA).parseDefaultFor("thing", FieldType.Scalar.DATE, input);
                trees++;
            } catch (ExpressionError expected) {
                assertThat(expected.position().line()).isPositive();
            } catch (RuntimeException | StackOverflowError other) {
                fail("seed " + seed + ", input " + escaped(input) + ": " + other, other);
            }
        }
        assertThat(trees).as("some defaults are valid and well typed").isPositive();
    }

    private static String randomPieces(Random random) {
        StringBuilder text = new StringBuilder();
        int count = 1 + random.nextInt(random.nextInt(10) == 0 ? 1500 : 30);
        for (int i = 0; i < count; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]).append(random.nextBoolean() ? " " : "");
        }
        return text.toString();
    }

    private static String mutated(Random random, String valid) {
        StringBuilder text = new StringBuilder(valid);
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations && text.length() > 0; i++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(4)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, PIECES[random.nextInt(PIECES.length)]);
                case 2 -> text.setCharAt(at, (char) random.nextInt(0x3000));
                default -> text.insert(at, text.substring(at, Math.min(text.length(), at + random.nextInt(40))));
            }
        }
        return text.toString();
    }

    private static String randomChars(Random random) {
        char[] chars = new char[random.nextInt(200)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x10000));
        }
        return new String(chars);
    }

    private static String escaped(String input) {
        StringBuilder out = new StringBuilder();
        input.codePoints().forEach(c -> out.append(c < 32 || c > 126 ? String.format("\\u%04x", c)
                : String.valueOf((char) c)));
        return out.toString();
    }
}
