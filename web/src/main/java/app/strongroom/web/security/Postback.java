package app.strongroom.web.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Whether a request to a Faces page may go on to the Faces lifecycle, as far as its view state goes. Faces takes any
 * request that names a view state as a postback and runs its actions, wherever the parameter came from, so the view
 * state must come in a POST body: one in the query string (a link, an image, a form with {@code method="get"}) would
 * let a GET act. A form POST without a view state never reaches an action either (Faces shows the page afresh), but
 * it is refused outright, so that nothing but a page's own form can post to it.
 */
final class Postback {
    static final String VIEW_STATE = "jakarta.faces.ViewState";
    private static final String FORM = "application/x-www-form-urlencoded";

    /** What a request gets. */
    enum Verdict { PROCEED, VIEW_STATE_IN_ADDRESS, POST_WITHOUT_VIEW_STATE }

    private Postback() {
    }

    /**
     * @param bodyHasViewState whether the parameters the form body carries include a view state; asked only of a
     *                         form POST, since reading it consumes the body's parameters
     */
    static Verdict judge(String method, String queryString, String contentType,
                         java.util.function.BooleanSupplier bodyHasViewState) {
        if (namesViewState(queryString)) {
            return Verdict.VIEW_STATE_IN_ADDRESS;
        }
        boolean formPost = "POST".equalsIgnoreCase(method) && contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith(FORM);
        if (formPost && !bodyHasViewState.getAsBoolean()) {
            return Verdict.POST_WITHOUT_VIEW_STATE;
        }
        return Verdict.PROCEED;
    }

    /** Whether a query string has a parameter named as the view state, however its name is encoded. */
    static boolean namesViewState(String queryString) {
        if (queryString == null || queryString.isEmpty()) {
            return false;
        }
        for (String pair : queryString.split("[&;]")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (VIEW_STATE.equals(decoded(name).strip())) {
                return true;
            }
        }
        return false;
    }

    private static String decoded(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // A name that does not decode is no parameter name the container would hand to Faces either.
            return name;
        }
    }
}
