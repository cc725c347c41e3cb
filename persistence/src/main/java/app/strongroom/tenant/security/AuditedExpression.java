package app.strongroom.tenant.security;

import app.strongroom.vault.format.Digests;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * An administrator's expression (a record rule, a computed default) as the audit trail keeps it, in at most 400 of
 * its 500 characters of detail: runs of spaces made one, so padding cannot push what matters out of the kept text,
 * and a longer one cut and named whole by its SHA-256.
 */
public final class AuditedExpression {
    static final int KEPT_LENGTH = 400;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private AuditedExpression() {
    }

    public static String of(String expression) {
        String collapsed = WHITESPACE.matcher(expression).replaceAll(" ");
        if (collapsed.length() <= KEPT_LENGTH) {
            return collapsed;
        }
        return collapsed.substring(0, KEPT_LENGTH) + "… (sha-256 "
                + Digests.hex(Digests.sha256().digest(expression.getBytes(StandardCharsets.UTF_8))) + ")";
    }
}
