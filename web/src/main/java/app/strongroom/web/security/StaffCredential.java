package app.strongroom.web.security;

import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;

/** Login and password of a platform staff member (the staff realm, apart from every tenant). */
public class StaffCredential extends UsernamePasswordCredential {
    private final String clientAddress;

    public StaffCredential(String login, String password, String clientAddress) {
        super(login == null ? "" : login, new Password(password == null ? "" : password));
        this.clientAddress = clientAddress;
    }

    /** Where the attempt came from (see {@link ClientAddress}), for throttling. */
    public String clientAddress() {
        return clientAddress;
    }
}
