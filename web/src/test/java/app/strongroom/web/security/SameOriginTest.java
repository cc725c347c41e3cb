package app.strongroom.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SameOriginTest {
    private static final URI PUBLIC = URI.create("https://erp.example.com/");

    @Test
    void theOwnAddressIsAllowed() {
        assertThat(SameOrigin.allows("https://erp.example.com", null, PUBLIC, "other:8181")).isTrue();
        assertThat(SameOrigin.allows("https://ERP.example.com:443", null, PUBLIC, null)).isTrue();
        assertThat(SameOrigin.allows(null, "https://erp.example.com/app/contact.xhtml?id=1", PUBLIC, null)).isTrue();
        assertThat(SameOrigin.allows("https://localhost:8181", null, PUBLIC, "localhost:8181")).isTrue();
    }

    @Test
    void anotherSiteIsRefused() {
        assertThat(SameOrigin.allows("https://evil.example", null, PUBLIC, "erp.example.com")).isFalse();
        assertThat(SameOrigin.allows("https://erp.example.com.evil.example", null, PUBLIC, "erp.example.com")).isFalse();
        assertThat(SameOrigin.allows("http://erp.example.com", null, PUBLIC, "erp.example.com")).isFalse();
        assertThat(SameOrigin.allows("null", null, PUBLIC, "erp.example.com")).isFalse();
        assertThat(SameOrigin.allows(null, "https://evil.example/x", PUBLIC, "erp.example.com")).isFalse();
        assertThat(SameOrigin.allows("https://erp.example.com:8443", null, PUBLIC, "erp.example.com")).isFalse();
    }

    @Test
    void theOriginWinsOverTheReferer() {
        assertThat(SameOrigin.allows("https://evil.example", "https://erp.example.com/", PUBLIC, null)).isFalse();
    }

    @Test
    void aRequestThatStatesNoOriginIsLeftToTheViewStateCheck() {
        assertThat(SameOrigin.allows(null, null, PUBLIC, "erp.example.com")).isTrue();
    }
}
