package app.strongroom.web.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build's check for injection and XSS by design (P15, P16): no query text built by concatenation in any module's
 * code, and no page that writes unescaped text. It runs with the web module's tests, so a violation fails the build.
 */
class SourceRulesTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Pattern UNESCAPED = Pattern.compile(
            "escape\\s*=\\s*\"\\s*(false|#\\{)|<f:verbatim|<h:outputText[^>]*escape|innerHTML|\\bsrc\\s*=\\s*\"#\\{");

    /**
     * Reviewed exceptions, each a file and the start of the expression: the dump writer and its row counts splice in
     * table, column and sequence names that PostgreSQL itself quoted ({@code quote_ident}, {@code quote_literal},
     * {@code format('%I')}) in the catalog query that produced them, and numbers read as numbers.
     */
    private static final Set<String> REVIEWED = Set.of(
            "vault/src/main/java/app/strongroom/vault/dump/PostgresDump.java \"CREATE TABLE public.\" + t.quotedName",
            "vault/src/main/java/app/strongroom/vault/dump/PostgresDump.java \"COPY public.\" + t.quotedName",
            "vault/src/main/java/app/strongroom/vault/dump/PostgresDump.java \"COPY \" + source(t)",
            "vault/src/main/java/app/strongroom/vault/dump/PostgresDump.java \"ALTER TABLE public.\" + r.getString(1)",
            "vault/src/main/java/app/strongroom/vault/dump/PostgresDump.java \"SELECT pg_catalog.setval('\" + sequence",
            "vault/src/main/java/app/strongroom/vault/dump/PostgresRestore.java \"select \" + r.getString(1)");

    @Test
    void noModuleBuildsQueryTextByConcatenation() {
        List<String> found = new ArrayList<>();
        sources("src/main/java", ".java").forEach(file -> QueryText.concatenations(read(file)).forEach(hit -> {
            String expression = hit.substring(hit.indexOf(": ") + 2);
            if (REVIEWED.stream().noneMatch(r -> r.startsWith(ROOT.relativize(file) + " ")
                    && expression.startsWith(r.substring(r.indexOf(' ') + 1)))) {
                found.add(ROOT.relativize(file) + " " + hit);
            }
        }));
        assertThat(found).as("query text built by concatenation").isEmpty();
    }

    @Test
    void noPageWritesUnescapedText() {
        List<String> found = new ArrayList<>();
        sources("src/main/webapp", ".xhtml").forEach(file -> {
            String[] lines = read(file).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (UNESCAPED.matcher(lines[i]).find()) {
                    found.add(ROOT.relativize(file) + " line " + (i + 1) + ": " + lines[i].strip());
                }
            }
        });
        assertThat(found).as("unescaped output in pages").isEmpty();
    }

    @Test
    void theCheckFindsWhatItLooksFor() {
        // The sample is data, never compiled: a class that splices a name and an id into statements, and three
        // concatenations the check must let pass (a checked identifier, a log message, a constant with a name).
        List<String> hits = QueryText.concatenations(read(Path.of("src/test/resources/app/strongroom/web/build/"
                + "concatenating-sample.txt")));
        assertThat(hits).hasSize(2);
        assertThat(hits.get(0)).startsWith("line 3: ").contains("select c from Contact c").contains(" + name + ");
        assertThat(hits.get(1)).startsWith("line 5: ").contains("delete from contact").endsWith(" + id");
        assertThat(QueryText.concatenations("class B { String q = \"select \" + /* a comment */ \"x\"; }"))
                .isEmpty();
        assertThat(UNESCAPED.matcher("<h:outputText value=\"#{c.notes}\" escape=\"false\"/>").find()).isTrue();
        assertThat(UNESCAPED.matcher("<h:outputText value=\"#{c.notes}\"/>").find()).isFalse();
    }

    private static Stream<Path> sources(String under, String suffix) {
        try (Stream<Path> modules = Files.list(ROOT)) {
            List<Path> files = new ArrayList<>();
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Path tree = module.resolve(under);
                if (Files.isDirectory(tree)) {
                    try (Stream<Path> walk = Files.walk(tree)) {
                        walk.filter(p -> p.toString().endsWith(suffix)).forEach(files::add);
                    }
                }
            }
            assertThat(files).as("sources under " + under).isNotEmpty();
            return files.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
