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
public class SignInPage extends SignInForm {
    private String tenant;
    @jakarta.ejb.EJB
    app.strongroom.restore.Maintenance maintenance;

    public void submit() throws IOException {
        if (maintenance.holds(tenant)) {
            Messages.error("signin.maintenance");
            setPassword(null);
            return;
        }
        authentication.signIn(new TenantCredential(tenant, getLogin(), getPassword(), authentication.clientAddress()),
                "/app/contacts.xhtml", SignInTarget.safeNext(getNext(), false), getTimeZone(), "signin.failed");
        setPassword(null);
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
}
