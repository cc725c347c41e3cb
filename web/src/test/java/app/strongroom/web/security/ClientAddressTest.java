package app.strongroom.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    private static final Set<String> PROXIES = Set.of("10.0.0.1", "10.0.0.2");

    @Test
    void aClientThatIsNoTrustedProxyCannotChooseItsAddress() {
        assertThat(ClientAddress.resolve("203.0.113.9", headers("198.51.100.1"), PROXIES)).isEqualTo("203.0.113.9");
    }

    @Test
    void behindTrustedProxiesTheRightMostUntrustedHopIsTheClient() {
        assertThat(ClientAddress.resolve("10.0.0.1", headers("198.51.100.1"), PROXIES)).isEqualTo("198.51.100.1");
        assertThat(ClientAddress.resolve("10.0.0.1", headers("6.6.6.6, 198.51.100.1, 10.0.0.2"), PROXIES))
                .as("what the client wrote itself stays on the left").isEqualTo("198.51.100.1");
        assertThat(ClientAddress.resolve("10.0.0.1", headers("6.6.6.6", "198.51.100.1"), PROXIES))
                .as("several headers read as one list").isEqualTo("198.51.100.1");
    }

    @Test
    void withoutAUsableHeaderThePeerIsTheClient() {
        assertThat(ClientAddress.resolve("10.0.0.1", headers(), PROXIES)).isEqualTo("10.0.0.1");
        assertThat(ClientAddress.resolve("10.0.0.1", headers("10.0.0.2"), PROXIES)).isEqualTo("10.0.0.1");
        assertThat(ClientAddress.resolve("10.0.0.1", headers("x".repeat(100)), PROXIES)).isEqualTo("10.0.0.1");
        assertThat(ClientAddress.resolve("10.0.0.1", null, PROXIES)).isEqualTo("10.0.0.1");
    }

    private static java.util.Enumeration<String> headers(String... values) {
        return Collections.enumeration(List.of(values));
    }

    @Test
    void ipv6AddressesAreShownInTheirShortForm() {
        assertThat(ClientAddress.canonical("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(ClientAddress.canonical("2001:DB8:0:0:0:0:2:1")).isEqualTo("2001:db8::2:1");
        assertThat(ClientAddress.canonical("2001:db8:0:1:0:0:0:1")).isEqualTo("2001:db8:0:1::1");
        assertThat(ClientAddress.canonical("2001:db8:1:1:1:1:1:1")).isEqualTo("2001:db8:1:1:1:1:1:1");
        assertThat(ClientAddress.canonical("0:0:0:0:0:0:0:0")).isEqualTo("::");
        assertThat(ClientAddress.canonical("fe80:0:0:0:0:0:0:0")).isEqualTo("fe80::");
    }

    @Test
    void ipv4AndAnythingElseAreKept() {
        assertThat(ClientAddress.canonical("203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(ClientAddress.canonical("not:an:address")).isEqualTo("not:an:address");
    }
}
