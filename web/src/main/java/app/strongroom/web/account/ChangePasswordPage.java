package app.strongroom.web.account;

import app.strongroom.account.ChangePasswordService;
import app.strongroom.account.PasswordChange;
import app.strongroom.web.Messages;
import app.strongroom.web.security.SessionEpoch;
import app.strongroom.web.signin.Authentication;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** A signed-in user changes their own password; this session continues, every other one ends. */
@Named
@RequestScoped
public class ChangePasswordPage {
    @EJB
    ChangePasswordService service;
    @Inject
    Authentication authentication;
    @Inject
    ExternalContext external;

    private String current;
    private String next;

    public void submit() {
        PasswordChange change = service.change(chars(current), chars(next), authentication.clientAddress());
        current = null;
        next = null;
        if (change instanceof PasswordChange.Changed changed) {
            HttpServletRequest request = (HttpServletRequest) external.getRequest();
            request.changeSessionId();
            SessionEpoch.keep(request, changed.sessionEpoch());
            if (changed.keysRevoked() > 0) {
                Messages.info("password.changedKeys", changed.keysRevoked());
            } else {
                Messages.info("password.changed");
            }
        } else if (change instanceof PasswordChange.Rejected rejected) {
            Messages.fieldError("password:next", rejected.reason());
        } else {
            Messages.fieldError("password:current", Messages.text("password.currentWrong"));
        }
    }

    private static char[] chars(String text) {
        return text == null ? new char[0] : text.toCharArray();
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
