package app.strongroom.apitoken;

import app.strongroom.catalog.apitoken.StaffApiToken;
import app.strongroom.catalog.apitoken.TokenState;
import java.time.Instant;
import java.util.Optional;

/** A staff API token as its owner sees it in the list: everything but the token, which is never kept. */
public record TokenView(String id, String name, Instant createdAt, Instant expiresAt, Optional<Instant> lastUsedAt,
                        Optional<String> lastUsedFrom, TokenState state) {
    static TokenView of(StaffApiToken token, Instant now) {
        return new TokenView(token.id().toString(), token.name(), token.createdAt(), token.expiresAt(),
                token.lastUsedAt(), token.lastUsedFrom(), token.stateAt(now));
    }

    public boolean isActive() {
        return state == TokenState.ACTIVE;
    }
}
