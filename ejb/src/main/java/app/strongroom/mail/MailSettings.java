package app.strongroom.mail;

import java.nio.file.Path;

/** Where outgoing mail goes. */
public sealed interface MailSettings {
    /** An SMTP server. {@code user} empty means no authentication. */
    record Smtp(String host, int port, String user, String password, TransportSecurity security, String from)
            implements MailSettings {
        @Override
        public String toString() {
            return "Smtp[" + host + ":" + port + ", " + security + ", from " + from + "]";
        }
    }

    /** Development only: each message becomes an {@code .eml} file, readable by the owner only. */
    record Outbox(Path directory, String from) implements MailSettings {
    }

    /** No mail can be sent; features that need it say so. */
    record NotConfigured() implements MailSettings {
    }

    /** How the connection to the SMTP server is protected. */
    enum TransportSecurity {
        /** STARTTLS, and refuse to send if the server does not offer it (the default). */
        STARTTLS_REQUIRED,
        /** TLS from the first byte (port 465). */
        SMTPS,
        /** Plain SMTP: only for a relay on the same host or a test server. */
        NONE
    }
}
