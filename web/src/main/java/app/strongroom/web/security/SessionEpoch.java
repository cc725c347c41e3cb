package app.strongroom.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * The account's session epoch a session signed in at. The identity store offers it on the sign-in request; the sign-in
 * page keeps it in the new session; {@link SessionEpochFilter} compares it with the account's on every request.
 */
public final class SessionEpoch {
    private static final String OFFERED = SessionEpoch.class.getName() + ".offered";
    private static final String KEPT = SessionEpoch.class.getName();

    private SessionEpoch() {
    }

    static void offer(HttpServletRequest request, long epoch) {
        request.setAttribute(OFFERED, epoch);
    }

    /** Moves the epoch offered during this request's sign-in into the session. */
    public static void keepOffered(HttpServletRequest request) {
        Object offered = request.getAttribute(OFFERED);
        if (offered instanceof Long epoch) {
            keep(request, epoch);
        }
    }

    /** The session continues at {@code epoch}: after its own password change, say. */
    public static void keep(HttpServletRequest request, long epoch) {
        request.getSession().setAttribute(KEPT, epoch);
    }

    /** The epoch this request's session signed in at, if it has one. */
    public static Optional<Long> of(HttpServletRequest request) {
        return of(request.getSession(false));
    }

    static Optional<Long> of(HttpSession session) {
        return session == null ? Optional.empty() : Optional.ofNullable((Long) session.getAttribute(KEPT));
    }
}
