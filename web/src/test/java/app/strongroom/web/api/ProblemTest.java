package app.strongroom.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ProblemTest {
    @Test
    void aProblemCarriesItsKindTitleStatusAndDetail() {
        Problem refused = Problem.of(ProblemType.TOKEN_REFUSED, "The token was revoked.");
        assertThat(refused).isEqualTo(new Problem("urn:strongroom:problem:token-refused", "The API token was refused",
                401, "The token was revoked."));
        for (ProblemType type : ProblemType.values()) {
            assertThat(type.type()).startsWith("urn:strongroom:problem:");
            assertThat(type.status()).isBetween(400, 599);
        }
    }

    @Test
    void aPlainHttpErrorIsAboutBlankWithItsReasonPhrase() {
        assertThat(Problem.ofStatus(405, "x")).isEqualTo(new Problem("about:blank", "Method Not Allowed", 405, "x"));
        assertThat(Problem.ofStatus(418, "x").title()).isEqualTo("HTTP 418");
    }

    @Test
    void writtenAsJsonWhateverTheDetailHolds() {
        String detail = "There is no tenant \"a\\b\"\n</script><script>alert(1)</script>";
        JsonObject json = Json.createReader(new StringReader(Problem.of(ProblemType.NOT_FOUND, detail).toJson()))
                .readObject();
        assertThat(json.getString("type")).isEqualTo("urn:strongroom:problem:not-found");
        assertThat(json.getString("title")).isEqualTo("Not found");
        assertThat(json.getInt("status")).isEqualTo(404);
        assertThat(json.getString("detail")).isEqualTo(detail);
    }
}
