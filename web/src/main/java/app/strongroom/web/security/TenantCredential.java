package app.strongroom.web.security;

import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;

/** Tenant, login and password as typed on the sign-in page. */
public class TenantCredential extends UsernamePasswordCredential {
    private final String tenant;

    public TenantCredential(String tenant, String login, String password) {
        super(login == null ? "" : login, new Password(password == null ? "" : password));
        this.tenant = tenant == null ? "" : tenant;
    }

    public String tenant() {
        return tenant;
    }
}
