package app.strongroom.web.security;

import app.strongroom.platform.PlatformSettings;
import app.strongroom.web.signin.SignInTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Form sign-in through our own Faces pages. Written out instead of the built-in custom-form mechanism for three
 * reasons the built-in one cannot meet: plain HTTP must get nothing but a redirect to HTTPS (the container asks the
 * mechanism before any filter runs, so the built-in one answered {@code /app/} over HTTP with a login redirect and a
 * session cookie); a protected page opened without a session sends staff to the staff sign-in and tenant users to
 * theirs; and the sign-in page learns which page to return to and whether a session just ended, instead of the
 * built-in mechanism replaying a POST whose view state died with the old session.
 */
@ApplicationScoped
@AutoApplySession
public class StrongroomAuthenticationMechanism implements HttpAuthenticationMechanism {
    @Inject
    IdentityStoreHandler identityStores;
    @Inject
    PlatformSettings settings;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (!request.isSecure()) {
            HttpsOnlyFilter.redirectToHttps(request, response, settings);
            return AuthenticationStatus.SEND_CONTINUE;
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return context.notifyContainerAboutLogin(identityStores.validate(credential));
        }
        if (context.isProtected()) {
            return context.redirect(SignInTarget.signInPageFor(request));
        }
        return context.doNothing();
    }
}
