package app.strongroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.tenant.security.SecurityEventKind;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** The tenant's audit trail names every kind of event in words: a kind added without its label would show a key. */
class EventLabelsTest {
    @Test
    void everySecurityEventKindHasALabel() {
        ResourceBundle messages = ResourceBundle.getBundle("app.strongroom.web.messages", Locale.ENGLISH);
        assertThat(Arrays.stream(SecurityEventKind.values()).map(kind -> "security.event." + kind.name()))
                .allSatisfy(key -> assertThat(messages.containsKey(key)).as(key).isTrue());
    }
}
