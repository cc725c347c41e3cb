package app.strongroom.platform;

import java.util.regex.Pattern;

/**
 * A PostgreSQL identifier that is safe to write into DDL unquoted. DDL (CREATE DATABASE, CREATE ROLE) cannot take bound
 * parameters, so every name that reaches it goes through this type first; only names the platform derives itself
 * (from tenant ids) can pass.
 */
public record SqlIdentifier(String value) {
    private static final Pattern SAFE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public SqlIdentifier {
        if (value == null || !SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a safe SQL identifier: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
