package app.strongroom.web.signin;

import app.strongroom.web.Messages;
import app.strongroom.web.security.TenantCredential;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/** The tenant users' sign-in form. */
@Named
@RequestScoped
public class SignInPage {
    @Inject
    Authentication authentication;

    private String tenant;
    private String login;
    private String password;
    private boolean created;
    private boolean ended;

    public void load() {
        if (created) {
            Messages.info("signin.tenantCreated", tenant);
        }
        if (ended) {
            Messages.info("signin.sessionEnded");
        }
    }

    public void submit() throws IOException {
        authentication.signIn(new TenantCredential(tenant, login, password, authentication.clientAddress()), "/app/contacts.xhtml");
        password = null;
    }

    public void signOut() throws IOException {
        authentication.signOut();
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isCreated() {
        return created;
    }

    public void setCreated(boolean created) {
        this.created = created;
    }

    public boolean isEnded() {
        return ended;
    }

    public void setEnded(boolean ended) {
        this.ended = ended;
    }
}
