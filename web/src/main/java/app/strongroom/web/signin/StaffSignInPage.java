package app.strongroom.web.signin;

import app.strongroom.web.security.StaffCredential;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/** The platform staff's sign-in form, separate from any tenant's. */
@Named
@RequestScoped
public class StaffSignInPage {
    @Inject
    Authentication authentication;

    private String login;
    private String password;

    public void submit() throws IOException {
        authentication.signIn(new StaffCredential(login, password, authentication.clientAddress()), "/staff/tenants.xhtml");
        password = null;
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
}
