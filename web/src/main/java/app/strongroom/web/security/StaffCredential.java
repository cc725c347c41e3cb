package app.strongroom.web.security;

import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;

/** Login and password of a platform staff member (the staff realm, apart from every tenant). */
public class StaffCredential extends UsernamePasswordCredential {
    public StaffCredential(String login, String password) {
        super(login == null ? "" : login, new Password(password == null ? "" : password));
    }
}
