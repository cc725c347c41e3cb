package app.strongroom.web.security;

import app.strongroom.apitoken.ApiTokenAuthentication;
import app.strongroom.apitoken.TokenCheck;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.web.api.Problem;
import app.strongroom.web.api.ProblemAnswers;
import app.strongroom.web.api.ProblemType;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The API's half of the authentication mechanism: {@code Authorization: Bearer <staff API token>} and nothing else.
 * A session cookie is never looked at and no session is ever made, so a browser cannot be tricked into calling the API
 * with its user's session (cross-site request forgery needs a credential the browser adds by itself; a bearer token
 * is never one). A request without a token, or with one that is refused, gets 401 as a problem, never a redirect.
 */
@ApplicationScoped
class BearerAuthentication {
    private static final String SCHEME = "bearer ";

    @EJB
    ApiTokenAuthentication tokens;
    @Inject
    PlatformSettings settings;

    AuthenticationStatus validate(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null) {
            if (!ApiPaths.isStaffApi(request)) {
                // Anything else under /api is no resource of ours: JAX-RS answers 404 as a problem.
                return context.doNothing();
            }
            return refuse(response, ProblemType.TOKEN_REQUIRED, "Send a staff API token as 'Authorization: Bearer "
                    + "<token>'. This API does not accept sessions or cookies.", "Bearer realm=\"strongroom\"");
        }
        Optional<String> token = authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                ? Optional.of(authorization.substring(SCHEME.length()).strip()) : Optional.empty();
        TokenCheck check = tokens.check(token, ClientAddress.of(request, settings.trustedProxies()));
        if (check instanceof TokenCheck.Accepted accepted) {
            ApiCaller.attach(request, new ApiCaller(accepted.token(), accepted.login()));
            return context.notifyContainerAboutLogin(new app.strongroom.identity.Caller.Staff(accepted.login())
                    .callerName(), Set.of(accepted.role().roleName()));
        }
        String reason = ((TokenCheck.Refused) check).reason();
        return refuse(response, ProblemType.TOKEN_REFUSED, capitalised(reason) + ".",
                "Bearer realm=\"strongroom\", error=\"invalid_token\", error_description=\"" + quotable(reason) + "\"");
    }

    private static AuthenticationStatus refuse(HttpServletResponse response, ProblemType type, String detail,
                                               String challenge) {
        response.setHeader("WWW-Authenticate", challenge);
        ProblemAnswers.write(response, Problem.of(type, detail));
        // The answer is written and sent: the container passes it on as it is and calls nothing further.
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private static String capitalised(String reason) {
        return reason.isEmpty() ? reason : reason.substring(0, 1).toUpperCase(Locale.ROOT) + reason.substring(1);
    }

    /** RFC 6750's error_description allows printable ASCII but the quote and backslash. */
    static String quotable(String text) {
        return text.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "");
    }
}
