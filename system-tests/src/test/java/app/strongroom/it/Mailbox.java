package app.strongroom.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMTP server of the test run (GreenMail, a real SMTP server in this JVM), and what the servers under test mailed
 * to it. Waits are bounded and end as soon as the awaited message is there.
 */
public final class Mailbox {
    private static final Pattern LINK = Pattern.compile("https://\\S+/set-password\\.xhtml\\?company=[a-z0-9-]+&token=[A-Za-z0-9_-]+");
    private static final Pattern PORTAL_LINK =
            Pattern.compile("https://\\S+/portal/order\\.xhtml\\?link=[A-Za-z0-9_-]+");
    private static GreenMail server;
    private static int port;

    private Mailbox() {
    }

    static synchronized int start() {
        if (port == 0) {
            port = TestPlatform.freePort();
        }
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return port;
    }

    static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Runs {@code work} while the SMTP server is down (as a mail provider's outage), then starts it again. */
    public static void whileDown(Runnable work) {
        stop();
        try {
            work.run();
        } finally {
            start();
        }
    }

    /** Every message so far to {@code address}. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> isTo(m, address)).toList();
    }

    /** The {@code n}-th message (from 1) to {@code address}, waiting up to 30 s for it. */
    public static MimeMessage await(String address, int n) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            List<MimeMessage> messages = to(address);
            if (messages.size() >= n) {
                return messages.get(n - 1);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no message number " + n + " to " + address + " within 30 s");
            }
            server.waitForIncomingEmail(1000, server.getReceivedMessages().length + 1);
        }
    }

    /** The set-password link in a message. */
    public static URI link(MimeMessage message) {
        Matcher m = LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
        if (!m.find()) {
            throw new AssertionError("no password link in: " + GreenMailUtil.getBody(message));
        }
        return URI.create(m.group());
    }

    /** The portal link (P21) in a message sent from a sales order. */
    public static URI portalLink(MimeMessage message) {
        Matcher m = PORTAL_LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
        if (!m.find()) {
            throw new AssertionError("no portal link in: " + GreenMailUtil.getBody(message));
        }
        return URI.create(m.group());
    }

    /** The {@code n}-th link mailed to {@code address}. */
    public static URI awaitLink(String address, int n) {
        return link(await(address, n));
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
