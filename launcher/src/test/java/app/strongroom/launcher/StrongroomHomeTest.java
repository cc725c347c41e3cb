package app.strongroom.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrongroomHomeTest {
    @TempDir
    Path dir;

    @Test
    void aSecretIsMadeOnceReadableByTheOwnerOnlyAndKept() throws Exception {
        StrongroomHome home = new StrongroomHome(dir);
        String first = home.secret("master.key", () -> StrongroomHome.randomBase64(32));
        String again = home.secret("master.key", () -> "something else");
        assertThat(again).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("master.key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void settingsSurviveThePropertiesFormatWhateverTheyContain() throws Exception {
        Path file = new PlatformConfiguration()
                .put("strongroom.master-key", "ab+/cd==")
                .put("strongroom.db.admin-password", "p:a=s\\s w\nord")
                .writeTo(dir.resolve("server.properties"));
        Properties read = new Properties();
        try (var in = Files.newInputStream(file)) {
            read.load(in);
        }
        assertThat(read.getProperty("strongroom.master-key")).isEqualTo("ab+/cd==");
        assertThat(read.getProperty("strongroom.db.admin-password")).isEqualTo("p:a=s\\s w\nord");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
