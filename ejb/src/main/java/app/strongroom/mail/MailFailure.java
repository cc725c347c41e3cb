package app.strongroom.mail;

import jakarta.ejb.ApplicationException;

/**
 * The message was not handed to the mail server; the reason is fit to show an administrator. An application
 * exception, so it reaches the caller as itself (not wrapped by the EJB container) and what the caller was saving in
 * the tenant's transaction is rolled back by that transaction.
 */
@ApplicationException
public class MailFailure extends RuntimeException {
    public MailFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
