package app.strongroom.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.common.EmailAddress;
import app.strongroom.platform.MapConfig;
import app.strongroom.platform.PlatformSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailerTest {
    private static final OutgoingMail MAIL = new OutgoingMail(new EmailAddress("zoe@example.org"), "Your link",
            "Choose it here: https://strongroom.example/set-password.xhtml?company=acme&token=abc");

    @Test
    void settingsChooseSmtpWithStartTlsRequiredByDefaultThenTheOutboxThenNothing(@TempDir Path dir) {
        MailSettings smtp = MapConfig.settings(Map.of("strongroom.mail.host", "smtp.example.org")).mail();
        assertThat(smtp).isEqualTo(new MailSettings.Smtp("smtp.example.org", 587, "", "",
                MailSettings.TransportSecurity.STARTTLS_REQUIRED, "Strongroom <no-reply@localhost>"));
        assertThat(smtp.toString()).doesNotContain("password");
        assertThat(MapConfig.settings(Map.of("strongroom.mail.host", "smtp.example.org", "strongroom.mail.security",
                "smtps")).mail()).extracting(m -> ((MailSettings.Smtp) m).port()).isEqualTo(465);
        assertThat(MapConfig.settings(Map.of("strongroom.mail.outbox", dir.toString())).mail())
                .isInstanceOf(MailSettings.Outbox.class);
        assertThat(MapConfig.settings(Map.of()).mail()).isInstanceOf(MailSettings.NotConfigured.class);
        assertThatThrownBy(() -> MapConfig.settings(Map.of("strongroom.mail.host", "h", "strongroom.mail.security",
                "sometimes")).mail()).hasMessageContaining("starttls-required, smtps, none");
    }

    @Test
    void linksPointOnlyAtTheConfiguredHttpsAddress() {
        assertThat(MapConfig.settings(Map.of("strongroom.https-port", "8443")).publicUrl())
                .hasToString("https://localhost:8443/");
        assertThat(MapConfig.settings(Map.of("strongroom.public-url", "https://erp.example.com")).publicUrl())
                .hasToString("https://erp.example.com/");
        assertThatThrownBy(() -> MapConfig.settings(Map.of("strongroom.public-url", "http://erp.example.com/"))
                .publicUrl()).hasMessageContaining("https://");
    }

    @Test
    void theDevelopmentOutboxKeepsEachMessageInAFileOnlyItsOwnerReads(@TempDir Path dir) throws IOException {
        mailer(Map.of("strongroom.mail.outbox", dir.resolve("outbox").toString())).send(MAIL);

        List<Path> files;
        try (Stream<Path> listed = Files.list(dir.resolve("outbox"))) {
            files = listed.toList();
        }
        assertThat(files).hasSize(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("outbox"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.get(0)))).isEqualTo("rw-------");
        assertThat(Files.readString(files.get(0))).contains("To: zoe@example.org").contains("Subject: Your link")
                .contains("token=abc");
    }

    @Test
    void aMailServerThatIsDownIsAClearFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Mailer mailer = mailer(Map.of("strongroom.mail.host", "127.0.0.1", "strongroom.mail.port",
                Integer.toString(closedPort), "strongroom.mail.security", "none"));
        assertThatThrownBy(() -> mailer.send(MAIL)).isInstanceOf(MailFailure.class)
                .hasMessageContaining("the mail server 127.0.0.1:" + closedPort + " did not take the message");
        assertThatThrownBy(() -> mailer(Map.of()).send(MAIL)).isInstanceOf(MailFailure.class)
                .hasMessageContaining("not set up");
    }

    private static Mailer mailer(Map<String, String> values) {
        PlatformSettings settings = MapConfig.settings(values);
        Mailer mailer = new Mailer();
        mailer.settings = settings;
        return mailer;
    }
}
