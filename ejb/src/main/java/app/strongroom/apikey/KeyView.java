package app.strongroom.apikey;

import app.strongroom.tenant.apikey.ApiKey;
import app.strongroom.tenant.apikey.ApiKeyScope;
import app.strongroom.tenant.apikey.ApiKeyState;
import java.time.Instant;
import java.util.Optional;

/** A key as its user or the administrator sees it in a list: everything but the key, which is never kept. */
public record KeyView(long id, String owner, String name, ApiKeyScope scope, Instant createdAt, Instant expiresAt,
                      Optional<Instant> lastUsedAt, Optional<String> lastUsedFrom, ApiKeyState state,
                      Optional<String> revokedBy) {
    static KeyView of(ApiKey key, Instant now) {
        return new KeyView(key.id(), key.user().login(), key.name(), key.scope(), key.createdAt(), key.expiresAt(),
                key.lastUsedAt(), key.lastUsedFrom(), key.stateAt(now), key.revokedBy());
    }

    public boolean isActive() {
        return state == ApiKeyState.ACTIVE;
    }
}
