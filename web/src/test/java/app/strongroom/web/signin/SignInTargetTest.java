package app.strongroom.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignInTargetTest {
    @Test
    void aPageOfTheOwnAreaIsFollowed() {
        assertThat(SignInTarget.safeNext("/app/contact.xhtml?id=5", false)).hasValue("/app/contact.xhtml?id=5");
        assertThat(SignInTarget.safeNext("/staff/tenants.xhtml", true)).hasValue("/staff/tenants.xhtml");
    }

    @Test
    void theOtherAreaIsNotFollowed() {
        assertThat(SignInTarget.safeNext("/staff/tenants.xhtml", false)).isEmpty();
        assertThat(SignInTarget.safeNext("/app/contacts.xhtml", true)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/app/", "//evil.example/app/", "/app//evil.example", "/app/\\evil",
            "/app/../login.xhtml", "/app/./x", "/app/x\r\nSet-Cookie: a=b", "/app/x y", "app/contacts.xhtml",
            "/login.xhtml", "", "/app/%0d%0a\u00e9"})
    void anythingElseIsRefused(String next) {
        assertThat(SignInTarget.safeNext(next, false)).isEmpty();
    }

    @Test
    void nothingAndOverLongAreRefused() {
        assertThat(SignInTarget.safeNext(null, false)).isEmpty();
        assertThat(SignInTarget.safeNext("/app/" + "a".repeat(2000), false)).isEmpty();
    }
}
