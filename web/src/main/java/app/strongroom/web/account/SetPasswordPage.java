package app.strongroom.web.account;

import app.strongroom.account.LinkState;
import app.strongroom.account.PasswordChoice;
import app.strongroom.account.SetPasswordService;
import app.strongroom.web.Messages;
import app.strongroom.web.signin.Authentication;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Choosing a password through the link of an invitation or reset mail. View-scoped so the form's "link usable" state,
 * found when the page opened, still holds when the form is posted back (the link is checked again then).
 */
@Named
@ViewScoped
public class SetPasswordPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    SetPasswordService service;
    @Inject
    Authentication authentication;
    @Inject
    ExternalContext external;

    private String company;
    private String token;
    private transient String password;
    private String login = "";
    private int minimumLength;

    public void load() {
        show(service.inspect(company, token));
    }

    public void submit() throws IOException {
        PasswordChoice choice = service.choose(company, token, password == null ? new char[0] : password.toCharArray(),
                authentication.clientAddress());
        password = null;
        if (choice instanceof PasswordChoice.Chosen chosen) {
            external.getFlash().setKeepMessages(true);
            Messages.info("setPassword.done");
            external.redirect(external.getRequestContextPath() + "/login.xhtml?tenant="
                    + URLEncoder.encode(chosen.company(), StandardCharsets.UTF_8));
        } else if (choice instanceof PasswordChoice.Rejected rejected) {
            Messages.fieldError("setPassword:password", rejected.reason());
        } else if (choice instanceof PasswordChoice.LinkNotUsable notUsable) {
            show(notUsable.state());
        }
    }

    private void show(LinkState state) {
        if (state instanceof LinkState.Usable usable) {
            login = usable.login();
            minimumLength = usable.minimumLength();
            return;
        }
        login = "";
        Messages.error(state instanceof LinkState.Expired ? "setPassword.expired" : "setPassword.invalid");
    }

    public boolean isUsable() {
        return !login.isEmpty();
    }

    public String getLogin() {
        return login;
    }

    public int getMinimumLength() {
        return minimumLength;
    }

    public String getCompany() {
        return company;
    }

    public void setCompany(String company) {
        this.company = company;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
