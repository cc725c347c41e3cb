package app.strongroom.common;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A syntactically plausible e-mail address, lower-cased. Deliverability is proven by sending mail, not by a regex,
 * so the rule is deliberately loose: one '@', a dot in the domain, no spaces.
 */
public record EmailAddress(String value) {
    public static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public EmailAddress {
        value = Require.text("e-mail", value, MAX_LENGTH).toLowerCase(Locale.ROOT);
        Require.matching("e-mail", value, SHAPE, "must be an address like name@example.com");
    }

    @Override
    public String toString() {
        return value;
    }
}
