package app.strongroom.web.signup;

import app.strongroom.catalog.Plan;
import app.strongroom.signup.SignUp;
import app.strongroom.signup.SignUpOutcome;
import app.strongroom.signup.SignUpService;
import app.strongroom.web.Messages;
import app.strongroom.web.signin.Authentication;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Sign-up form: the field checks here report every empty or over-long field at once; the service re-checks
 * everything and reports every field it refuses at once too.
 */
@Named
@RequestScoped
public class SignUpPage {
    @EJB
    SignUpService signUps;
    @Inject
    ExternalContext external;
    @Inject
    Authentication authentication;

    @NotBlank(message = "{field.required}")
    @Size(max = 200, message = "{field.tooLong}")
    private String companyName;
    @NotBlank(message = "{field.required}")
    private String tenantName;
    @NotBlank(message = "{field.required}")
    private String adminLogin;
    @NotBlank(message = "{field.required}")
    private String email;
    @NotBlank(message = "{field.required}")
    private String password;
    private Plan plan = Plan.FREE;

    public void submit() throws IOException {
        SignUpOutcome outcome = signUps.signUp(new SignUp(companyName, tenantName, adminLogin, email,
                password.toCharArray(), plan), authentication.clientAddress());
        if (outcome instanceof SignUpOutcome.Created created) {
            // The banner travels in the flash, so a forged address cannot make the sign-in page announce anything.
            Messages.infoAfterRedirect("signin.tenantCreated", created.tenant().value());
            external.redirect(external.getRequestContextPath() + "/login.xhtml?tenant="
                    + URLEncoder.encode(created.tenant().value(), StandardCharsets.UTF_8));
        } else if (outcome instanceof SignUpOutcome.Refused refused) {
            refused.problems().forEach(p -> Messages.fieldError("signup:" + p.field(), p.rule()));
        } else {
            Messages.error("signup.throttled");
        }
    }

    public Plan[] getPlans() {
        return Plan.values();
    }

    public String getCompanyName() {
        return companyName;
    }

    public void setCompanyName(String companyName) {
        this.companyName = companyName;
    }

    public String getTenantName() {
        return tenantName;
    }

    public void setTenantName(String tenantName) {
        this.tenantName = tenantName;
    }

    public String getAdminLogin() {
        return adminLogin;
    }

    public void setAdminLogin(String adminLogin) {
        this.adminLogin = adminLogin;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Plan getPlan() {
        return plan;
    }

    public void setPlan(Plan plan) {
        this.plan = plan;
    }
}
