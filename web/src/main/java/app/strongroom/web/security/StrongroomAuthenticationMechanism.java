package app.strongroom.web.security;

import app.strongroom.platform.PlatformSettings;
import app.strongroom.web.signin.SignInTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * Form sign-in through our own Faces pages, and bearer tokens for the JSON API. Written out instead of the built-in
 * custom-form mechanism for three reasons the built-in one cannot meet: plain HTTP must get nothing but a redirect to
 * HTTPS (the container asks the mechanism before any filter runs, so the built-in one answered {@code /app/} over HTTP
 * with a login redirect and a session cookie); a protected page opened without a session sends staff to the staff
 * sign-in and tenant users to theirs; and the sign-in page learns which page to return to and whether a session just
 * ended, instead of the built-in mechanism replaying a POST whose view state died with the old session.
 * <p>
 * Pages and the API are two worlds that never mix: a page is authenticated by its session alone (a bearer token there
 * is ignored), the API by a bearer token alone (a session there is ignored, and none is made; see
 * {@link BearerAuthentication}). That is why the session is handled here rather than by {@code @AutoApplySession},
 * which would let a session cookie authenticate an API request before this mechanism is asked, and would make a
 * session for every API request it authenticated.
 */
@ApplicationScoped
public class StrongroomAuthenticationMechanism implements HttpAuthenticationMechanism {
    /** The container's key in the message info for "keep this login in the session" (Jakarta Authentication). */
    private static final String REGISTER_SESSION = "jakarta.servlet.http.registerSession";

    @Inject
    IdentityStoreHandler identityStores;
    @Inject
    PlatformSettings settings;
    @Inject
    BearerAuthentication bearer;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        if (!request.isSecure()) {
            HttpsOnlyFilter.redirectToHttps(request, response, settings);
            return AuthenticationStatus.SEND_CONTINUE;
        }
        if (ApiPaths.isApi(request)) {
            return bearer.validate(request, response, context);
        }
        Principal signedIn = request.getUserPrincipal();
        if (signedIn != null) {
            return continueSession(context, signedIn);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            AuthenticationStatus status = context.notifyContainerAboutLogin(identityStores.validate(credential));
            if (status == AuthenticationStatus.SUCCESS) {
                context.getMessageInfo().getMap().put(REGISTER_SESSION, Boolean.TRUE.toString());
            }
            return status;
        }
        if (context.isProtected()) {
            return context.redirect(SignInTarget.signInPageFor(request));
        }
        return context.doNothing();
    }

    /** The caller the session signed in, as the container kept them (with their roles). */
    private static AuthenticationStatus continueSession(HttpMessageContext context, Principal signedIn)
            throws AuthenticationException {
        try {
            context.getHandler().handle(new Callback[] {new CallerPrincipalCallback(context.getClientSubject(), signedIn)});
            return AuthenticationStatus.SUCCESS;
        } catch (IOException | UnsupportedCallbackException e) {
            throw new AuthenticationException("the container refused the session's caller", e);
        }
    }
}
