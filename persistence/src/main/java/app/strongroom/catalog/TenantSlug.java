package app.strongroom.catalog;

import app.strongroom.common.Require;
import java.util.Locale;
import java.util.regex.Pattern;

/** The short name a tenant's users type at sign-in ("acme"). Lower-case letters, digits and inner hyphens. */
public record TenantSlug(String value) {
    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 40;
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]");

    public TenantSlug {
        value = Require.text("tenant name", value, MAX_LENGTH).toLowerCase(Locale.ROOT);
        Require.matching("tenant name", value, SHAPE,
                "must be 3 to 40 lower-case letters, digits or inner hyphens");
    }

    /** The slug typed by somebody, if it has the shape of one. */
    public static java.util.Optional<TenantSlug> parse(String text) {
        try {
            return java.util.Optional.of(new TenantSlug(text));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
