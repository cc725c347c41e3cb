package app.strongroom.web.security;

import app.strongroom.apikey.ApiKeyAuthentication;
import app.strongroom.apikey.KeyCheck;
import app.strongroom.apitoken.ApiTokenAuthentication;
import app.strongroom.apitoken.TokenCheck;
import app.strongroom.identity.Caller;
import app.strongroom.identity.Role;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.tenant.apikey.PresentedKey;
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
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The API's half of the authentication mechanism: {@code Authorization: Bearer <staff API token>} for the staff API,
 * {@code Bearer <tenant API key>} for the tenant API, and nothing else. A session cookie is never looked at and no
 * session is ever made, so a browser cannot be tricked into calling the API with its user's session (cross-site
 * request forgery needs a credential the browser adds by itself; a bearer token is never one). Every request under
 * {@code /api} needs one, whatever its path: a request without, or with one that is refused, gets 401 as a problem,
 * never a redirect, and reaches no resource. A staff token opens no part of the tenant API and a key none of the
 * staff API. A read key asking to write is refused here, before any resource runs.
 */
@ApplicationScoped
class BearerAuthentication {
    private static final String SCHEME = "bearer ";
    private static final String CHALLENGE = "Bearer realm=\"strongroom\"";

    @EJB
    ApiTokenAuthentication tokens;
    @EJB
    ApiKeyAuthentication keys;
    @Inject
    PlatformSettings settings;

    AuthenticationStatus validate(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        boolean tenantApi = ApiPaths.isTenantApi(request);
        if (authorization == null) {
            return tenantApi ? refuse(response, ProblemType.KEY_REQUIRED, "Send an API key (made on your API keys "
                    + "page) as 'Authorization: Bearer <key>'. This API does not accept sessions or cookies.",
                    CHALLENGE)
                    : refuse(response, ProblemType.TOKEN_REQUIRED, "Send a staff API token as 'Authorization: Bearer "
                    + "<token>'. This API does not accept sessions or cookies.", CHALLENGE);
        }
        Optional<String> token = authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                ? Optional.of(authorization.substring(SCHEME.length()).strip()) : Optional.empty();
        boolean looksLikeKey = token.filter(t -> t.startsWith(PresentedKey.PREFIX)).isPresent();
        if (tenantApi || (looksLikeKey && !ApiPaths.isStaffApi(request))) {
            return validateKey(token, request, response, context);
        }
        TokenCheck check = tokens.check(token, address(request));
        if (check instanceof TokenCheck.Accepted accepted) {
            ApiCaller.attach(request, new ApiCaller(accepted.token(), accepted.login()));
            return context.notifyContainerAboutLogin(new Caller.Staff(accepted.login())
                    .callerName(), Set.of(accepted.role().roleName()));
        }
        return refused(response, ((TokenCheck.Refused) check).reason());
    }

    private AuthenticationStatus validateKey(Optional<String> token, HttpServletRequest request,
                                             HttpServletResponse response, HttpMessageContext context) {
        KeyCheck check = keys.check(token, address(request));
        if (check instanceof KeyCheck.Limited limited) {
            long seconds = Math.max(1, (limited.retryAfter().toMillis() + 999) / 1000);
            response.setHeader("Retry-After", Long.toString(seconds));
            return refuse(response, ProblemType.TOO_MANY_REQUESTS, "This key made more requests this minute than "
                    + settings.apiRequestsPerMinute() + "; try again in " + seconds + " s.", null);
        }
        if (check instanceof KeyCheck.Refused refused) {
            return refused(response, refused.reason());
        }
        KeyCheck.Accepted accepted = (KeyCheck.Accepted) check;
        if (!accepted.scope().allowsMethod(request.getMethod())) {
            keys.outOfScope(accepted, address(request), request.getMethod() + " " + request.getRequestURI());
            return refuse(response, ProblemType.FORBIDDEN, "This key may only read; make a read-write key to "
                    + "change records.", null);
        }
        KeyCaller.attach(request, new KeyCaller(accepted));
        Set<String> roles = new HashSet<>(Set.of(Role.TENANT_USER.roleName()));
        if (accepted.administrator()) {
            roles.add(Role.TENANT_ADMIN.roleName());
        }
        return context.notifyContainerAboutLogin(new Caller.TenantUser(accepted.tenant(), accepted.login())
                .callerName(), roles);
    }

    private AuthenticationStatus refused(HttpServletResponse response, String reason) {
        return refuse(response, ProblemType.TOKEN_REFUSED, capitalised(reason) + ".",
                CHALLENGE + ", error=\"invalid_token\", error_description=\"" + quotable(reason) + "\"");
    }

    private String address(HttpServletRequest request) {
        return ClientAddress.of(request, settings.trustedProxies());
    }

    private static AuthenticationStatus refuse(HttpServletResponse response, ProblemType type, String detail,
                                               String challenge) {
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
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
