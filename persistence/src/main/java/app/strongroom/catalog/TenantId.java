package app.strongroom.catalog;

import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/** Identity of a tenant. Database and role names are derived from it, never from anything a user typed. */
public record TenantId(UUID value) {
    public TenantId {
        Objects.requireNonNull(value, "tenant id");
    }

    public static TenantId random() {
        return new TenantId(UUID.randomUUID());
    }

    public static TenantId parse(String text) {
        return new TenantId(UUID.fromString(text));
    }

    /** 32 lower-case hex digits: safe inside an SQL identifier. */
    public String hex() {
        return HexFormat.of().toHexDigits(value.getMostSignificantBits())
                + HexFormat.of().toHexDigits(value.getLeastSignificantBits());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
