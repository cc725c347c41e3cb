package app.strongroom.tenant.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.common.InvalidValue;
import app.strongroom.tenant.contact.ContactId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StoredFileTest {
    @Test
    void aNameKeepsNoPathAndNoControlCharacters() {
        assertThat(StoredFile.cleanName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(StoredFile.cleanName("C:\\Users\\ann\\report.pdf")).isEqualTo("report.pdf");
        assertThat(StoredFile.cleanName("evil\r\nX-Header: 1.txt")).isEqualTo("evilX-Header: 1.txt");
        assertThat(StoredFile.cleanName("..")).isEqualTo("file");
        assertThat(StoredFile.cleanName("  ")).isEqualTo("file");
        assertThat(StoredFile.cleanName("x".repeat(300))).hasSize(255);
        assertThat(StoredFile.cleanName("Zoë’s café.txt")).isEqualTo("Zoë’s café.txt");
    }

    @Test
    void aTypeIsAPlainMediaTypeOrOctetStream() {
        assertThat(StoredFile.cleanType("Text/HTML; charset=utf-8")).isEqualTo("text/html");
        assertThat(StoredFile.cleanType("image/svg+xml")).isEqualTo("image/svg+xml");
        assertThat(StoredFile.cleanType("text/html\r\nX-Evil: 1")).isEqualTo("application/octet-stream");
        assertThat(StoredFile.cleanType(null)).isEqualTo("application/octet-stream");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> new StoredFile(new ContactId(1), UUID.randomUUID(), "a.txt", "text/plain", 0,
                "a".repeat(64), 1, "ann", Instant.now())).isInstanceOf(InvalidValue.class).hasMessage("file is empty");
    }
}
