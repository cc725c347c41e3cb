package app.strongroom.web.signin;

import app.strongroom.web.Messages;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.web.security.ClientAddress;
import app.strongroom.web.security.SessionEpoch;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Credential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Hands a credential to Jakarta Security and turns the answer into a redirect or the one failure message. */
@RequestScoped
public class Authentication {
    @Inject
    SecurityContext security;
    @Inject
    FacesContext faces;
    @Inject
    ExternalContext external;
    @Inject
    PlatformSettings settings;

    /** Where the current request came from, honouring X-Forwarded-For only from configured proxies. */
    public String clientAddress() {
        return ClientAddress.of((HttpServletRequest) external.getRequest(), settings.trustedProxies());
    }

    public void signIn(Credential credential, String homePage) throws IOException {
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (request.getSession(false) != null) {
            // A session id known before sign-in (planted by an attacker, say) must not become the signed-in session.
            request.changeSessionId();
        }
        AuthenticationStatus status = security.authenticate(request,
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().credential(credential).newAuthentication(true));
        switch (status) {
            case SEND_CONTINUE -> {
                SessionEpoch.keepOffered(request);
                faces.responseComplete();
            }
            case SUCCESS -> {
                SessionEpoch.keepOffered(request);
                external.redirect(external.getRequestContextPath() + homePage);
            }
            default -> Messages.error("signin.failed");
        }
    }

    public void signOut() throws IOException {
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        try {
            request.logout();
        } catch (jakarta.servlet.ServletException e) {
            throw new IOException(e);
        }
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml");
    }
}
