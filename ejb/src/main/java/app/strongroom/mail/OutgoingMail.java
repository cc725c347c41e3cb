package app.strongroom.mail;

import app.strongroom.common.EmailAddress;
import java.util.Objects;

/** One plain-text message to one recipient. */
public record OutgoingMail(EmailAddress to, String subject, String body) {
    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }

    @Override
    public String toString() {
        // The body may hold a password link; it never goes into a log through this record.
        return "OutgoingMail[to " + to.value() + ", " + subject + "]";
    }
}
