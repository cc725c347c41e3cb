package app.strongroom.web.security;

import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;

/** Tenant, login and password as typed on the sign-in page. */
public class TenantCredential extends UsernamePasswordCredential {
    private final String tenant;
    private final String clientAddress;

    public TenantCredential(String tenant, String login, String password, String clientAddress) {
        super(login == null ? "" : login, new Password(password == null ? "" : password));
        this.tenant = tenant == null ? "" : tenant;
        this.clientAddress = clientAddress;
    }

    public String tenant() {
        return tenant;
    }

    /** Where the attempt came from (see {@link ClientAddress}), for throttling. */
    public String clientAddress() {
        return clientAddress;
    }
}
