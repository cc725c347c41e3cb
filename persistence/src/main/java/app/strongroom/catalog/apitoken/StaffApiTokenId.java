package app.strongroom.catalog.apitoken;

import java.util.Objects;
import java.util.UUID;

/** Identity of a staff API token: what pages, the audit trail and revocation name it by, never the token itself. */
public record StaffApiTokenId(UUID value) {
    public StaffApiTokenId {
        Objects.requireNonNull(value, "token id");
    }

    public static StaffApiTokenId parse(String text) {
        return new StaffApiTokenId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
