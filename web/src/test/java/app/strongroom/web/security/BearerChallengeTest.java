package app.strongroom.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerChallengeTest {
    @Test
    void aReasonInTheChallengeKeepsToWhatRfc6750AllowsInAQuotedString() {
        assertThat(BearerAuthentication.quotable("the token expired at 2026-03-01T10:00:00Z"))
                .isEqualTo("the token expired at 2026-03-01T10:00:00Z");
        assertThat(BearerAuthentication.quotable("a \"quoted\" \\ reason\r\nX-Injected: yes ü"))
                .isEqualTo("a quoted  reasonX-Injected: yes ");
    }
}
