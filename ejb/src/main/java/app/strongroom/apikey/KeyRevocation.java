package app.strongroom.apikey;

import app.strongroom.common.Reasons;
import app.strongroom.tenant.apikey.ApiKey;
import app.strongroom.tenant.security.SecurityEvent;
import app.strongroom.tenant.security.SecurityEventKind;
import app.strongroom.tenant.user.UserAccount;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Revokes every active key of a user when they are signed out everywhere: their password changed or reset, or their
 * account deactivated. A key is a session that does not end by itself; one made by whoever had the password or a
 * session would otherwise outlive the very step taken to shut them out. Reactivating a user brings no key back.
 */
public final class KeyRevocation {
    private KeyRevocation() {
    }

    /**
     * Revokes them in the caller's transaction, each audited with {@code why}; answers how many were active. Called
     * once the caller has moved the account's session epoch on: that change is written first, which locks the
     * account's row, so a key being made meanwhile ({@link ApiKeys#create} locks the row too) is either committed
     * and read here, or asked for after this commits and refused for its session's old epoch.
     */
    public static int revokeActiveKeys(EntityManager em, UserAccount user, String by, String clientAddress,
                                       Instant now, String why) {
        em.flush();
        List<ApiKey> keys = em.createNamedQuery(ApiKey.ACTIVE_KEYS_OF_USER, ApiKey.class).setParameter("user", user)
                .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).getResultList();
        String address = clientAddress == null ? null : Reasons.fit(clientAddress, "", 64);
        for (ApiKey key : keys) {
            key.revoke(by, now);
            em.persist(new SecurityEvent(SecurityEventKind.API_KEY_REVOKED, user.login(), address, by,
                    Reasons.fit("API key " + key.id() + " \"" + key.name() + "\" (" + why + ")", "", 500)));
        }
        return keys.size();
    }
}
