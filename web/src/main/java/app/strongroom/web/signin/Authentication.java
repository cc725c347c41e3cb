package app.strongroom.web.signin;

import app.strongroom.platform.PlatformSettings;
import app.strongroom.web.Messages;
import app.strongroom.web.ViewerTimeZone;
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
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;

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

    /**
     * Signs in afresh. Whoever was signed in before is signed out first, whatever the outcome, so a failed attempt
     * leaves nobody signed in and a successful one never leaves the earlier identity's session behind. The new session
     * has a new id, so an id known before (planted by an attacker, say) never becomes a signed-in session.
     */
    public void signIn(Credential credential, String homePage, Optional<String> next, String timeZone,
                       String failureKey) throws IOException {
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        endSession(request);
        request.getSession(true);
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().credential(credential).newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            SessionEpoch.keepOffered(request);
            ViewerTimeZone.keep(request.getSession(), timeZone);
            external.redirect(external.getRequestContextPath() + next.orElse(homePage));
        } else if (status == AuthenticationStatus.SEND_CONTINUE) {
            faces.responseComplete();
        } else {
            Messages.error(failureKey);
        }
    }

    public void signOut() throws IOException {
        endSession((HttpServletRequest) external.getRequest());
        external.redirect(external.getRequestContextPath() + "/login.xhtml");
    }

    private static void endSession(HttpServletRequest request) throws IOException {
        try {
            if (request.getUserPrincipal() != null) {
                request.logout();
            }
        } catch (ServletException e) {
            throw new IOException(e);
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
