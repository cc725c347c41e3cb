package app.strongroom.web.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.staff.PlatformStatus;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
    /** A comment line, or a sample: a metric name, optional labels and a number. */
    private static final Pattern LINE = Pattern.compile(
            "# (HELP|TYPE) [a-z_][a-z0-9_]* .+|[a-z_][a-z0-9_]*(\\{[a-z_]+=\"([^\"\\\\]|\\\\.)*\"\\})? -?[0-9]+(\\.[0-9]+)?(E-?[0-9]+)?");

    @Test
    void everyLineIsInTheTextFormatAndThePlatformCountersAreThere() {
        String text = PrometheusText.of(new PlatformStatus(12, 3, 4, 2_500_000_000L));
        assertThat(text).endsWith("\n");
        assertThat(text.lines()).allSatisfy(line -> assertThat(line).matches(LINE));
        assertThat(text).contains("\nstrongroom_password_derivations_total 12\n")
                .contains("\nstrongroom_tenant_units_open 3\n")
                .contains("\nstrongroom_signin_locked_refusals_total 4\n")
                .contains("\nstrongroom_signin_locked_refusal_seconds_total 2.5\n")
                .contains("# TYPE jvm_memory_heap_used_bytes gauge\n")
                .containsPattern("(?m)^jvm_gc_collections_total\\{gc=\"[^\"]+\"\\} [0-9]+$");
    }

    @Test
    void labelValuesAreEscaped() {
        assertThat(PrometheusText.label("a\"b\\c\nd")).isEqualTo("a\\\"b\\\\c\\nd");
    }
}
