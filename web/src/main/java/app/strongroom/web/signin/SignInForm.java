package app.strongroom.web.signin;

import app.strongroom.web.Messages;
import jakarta.inject.Inject;

/**
 * What both sign-in forms hold: login and password, the page to return to, whether a session just ended, and the
 * browser's time zone (filled in by the page's script) for showing times.
 */
public abstract class SignInForm {
    @Inject
    Authentication authentication;

    private String login;
    private String password;
    private String next;
    private boolean ended;
    private String timeZone;

    public void load() {
        if (ended) {
            Messages.info("signin.sessionEnded");
        }
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

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    public boolean isEnded() {
        return ended;
    }

    public void setEnded(boolean ended) {
        this.ended = ended;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }
}
