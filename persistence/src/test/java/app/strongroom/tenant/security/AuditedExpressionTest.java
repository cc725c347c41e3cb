package app.strongroom.tenant.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditedExpressionTest {
    @Test
    void paddingIsFoldedAndALongExpressionIsCutAndNamedByItsDigest() {
        assertThat(AuditedExpression.of("salesperson = user.id")).isEqualTo("salesperson = user.id");
        assertThat(AuditedExpression.of("salesperson = 1" + " ".repeat(1500) + "or team in user.groups"))
                .isEqualTo("salesperson = 1 or team in user.groups");
        String text = AuditedExpression.of("state != 'x' and ".repeat(100) + "id > 0");
        assertThat(text).hasSizeLessThanOrEqualTo(500).matches("(?s).{400}… \\(sha-256 [0-9a-f]{64}\\)");
    }
}
