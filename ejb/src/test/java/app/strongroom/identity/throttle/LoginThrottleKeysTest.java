package app.strongroom.identity.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginThrottleKeysTest {
    @Test
    void ipv6SignUpsCountByTheirSlash64() {
        assertThat(LoginThrottle.signUpAddressKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(LoginThrottle.signUpAddressKey("2001:db8:1:2:bbbb::9"))
                .isNotEqualTo(LoginThrottle.signUpAddressKey("2001:db8:1:3::1"));
        assertThat(LoginThrottle.signUpAddressKey("203.0.113.7")).isNotEqualTo(LoginThrottle.signUpAddressKey("203.0.113.8"));
    }
}
