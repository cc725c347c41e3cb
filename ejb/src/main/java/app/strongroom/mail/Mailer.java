package app.strongroom.mail;

import app.strongroom.platform.PlatformSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;

/** Sends mail as the settings say; every failure becomes a {@link MailFailure} naming the cause. */
@ApplicationScoped
public class Mailer {
    private static final String TIMEOUT_MS = "15000";

    @Inject
    PlatformSettings settings;

    public void send(OutgoingMail mail) {
        MailSettings target = settings.mail();
        if (target instanceof MailSettings.Smtp smtp) {
            sendBySmtp(smtp, mail);
        } else if (target instanceof MailSettings.Outbox outbox) {
            writeToOutbox(outbox, mail);
        } else {
            throw new MailFailure("e-mail is not set up on this platform (strongroom.mail.host)", null);
        }
    }

    private static void sendBySmtp(MailSettings.Smtp smtp, OutgoingMail mail) {
        Properties props = new Properties();
        String protocol = smtp.security() == MailSettings.TransportSecurity.SMTPS ? "smtps" : "smtp";
        props.put("mail.transport.protocol", protocol);
        props.put("mail." + protocol + ".host", smtp.host());
        props.put("mail." + protocol + ".port", Integer.toString(smtp.port()));
        props.put("mail." + protocol + ".auth", Boolean.toString(!smtp.user().isEmpty()));
        props.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MS);
        props.put("mail." + protocol + ".timeout", TIMEOUT_MS);
        props.put("mail." + protocol + ".writetimeout", TIMEOUT_MS);
        if (smtp.security() == MailSettings.TransportSecurity.STARTTLS_REQUIRED) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        if (smtp.security() != MailSettings.TransportSecurity.NONE) {
            props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        Session session = Session.getInstance(props);
        try {
            MimeMessage message = message(session, smtp.from(), mail);
            if (smtp.user().isEmpty()) {
                Transport.send(message);
            } else {
                Transport.send(message, smtp.user(), smtp.password());
            }
        } catch (MessagingException e) {
            throw new MailFailure("the mail server " + smtp.host() + ":" + smtp.port() + " did not take the message ("
                    + rootMessage(e) + ")", e);
        }
    }

    private static void writeToOutbox(MailSettings.Outbox outbox, OutgoingMail mail) {
        try {
            if (!Files.isDirectory(outbox.directory())) {
                Files.createDirectories(outbox.directory(), PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            Path file = outbox.directory().resolve(Instant.now().toEpochMilli() + "-" + UUID.randomUUID() + ".eml");
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
                message(Session.getInstance(new Properties()), outbox.from(), mail).writeTo(out);
            }
        } catch (IOException | MessagingException e) {
            throw new MailFailure("the mail could not be written to " + outbox.directory(), e);
        }
    }

    private static MimeMessage message(Session session, String from, OutgoingMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        try {
            message.setFrom(new InternetAddress(from, true));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to().value(), true));
        } catch (AddressException e) {
            throw new MailFailure("an address is not valid: " + e.getRef(), e);
        }
        message.setSubject(mail.subject(), "UTF-8");
        message.setText(mail.body(), "UTF-8");
        message.setSentDate(new Date());
        return message;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
