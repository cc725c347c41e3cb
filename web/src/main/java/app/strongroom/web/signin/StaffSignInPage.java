package app.strongroom.web.signin;

import app.strongroom.web.security.StaffCredential;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.io.IOException;

/** The platform staff's sign-in form, separate from any tenant's. */
@Named
@RequestScoped
public class StaffSignInPage extends SignInForm {
    public void submit() throws IOException {
        authentication.signIn(new StaffCredential(getLogin(), getPassword(), authentication.clientAddress()),
                "/staff/tenants.xhtml", SignInTarget.safeNext(getNext(), true), getTimeZone(), "staffSignin.failed");
        setPassword(null);
    }
}
