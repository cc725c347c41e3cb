package app.strongroom.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    private final PasswordPolicy policy = PasswordPolicy.standard();

    @Test
    void refusesShortPasswordsCountingCharactersNotBytes() {
        assertThat(policy.judge("seven77".toCharArray())).isEqualTo(new PasswordPolicy.TooShort(8));
        assertThat(policy.judge(null)).isEqualTo(new PasswordPolicy.TooShort(8));
        assertThat(policy.judge("\u00e9t\u00e9 \u00e0 la mer".toCharArray())).isEqualTo(new PasswordPolicy.Acceptable());
        assertThat(policy.judge("\uD83D\uDD12\uD83D\uDD12\uD83D\uDD12\uD83D\uDD12".toCharArray()))
                .as("four emoji are four characters").isEqualTo(new PasswordPolicy.TooShort(8));
    }

    @Test
    void refusesTheMostCommonPasswordsWhateverTheirCase() {
        for (String common : new String[] {"password", "12345678", "Qwerty123", "iloveyou", "PASSWORD1"}) {
            assertThat(policy.judge(common.toCharArray())).as(common).isEqualTo(new PasswordPolicy.TooCommon());
        }
    }

    @Test
    void hasNoCompositionRules() {
        assertThat(policy.judge("correct horse battery staple".toCharArray())).isEqualTo(new PasswordPolicy.Acceptable());
        assertThat(policy.judge("zqxwvmklpo".toCharArray())).isEqualTo(new PasswordPolicy.Acceptable());
    }

    @Test
    void screeningCanBeTurnedOffButTheMinimumNeverGoesBelowEight() {
        assertThat(new PasswordPolicy(8, false).judge("password".toCharArray())).isEqualTo(new PasswordPolicy.Acceptable());
        assertThat(new PasswordPolicy(12, true).judge("abcdefghijk".toCharArray())).isEqualTo(new PasswordPolicy.TooShort(12));
        assertThatThrownBy(() -> new PasswordPolicy(6, true)).isInstanceOf(IllegalArgumentException.class);
        assertThat(policy.judge("x".repeat(257).toCharArray())).isEqualTo(new PasswordPolicy.TooLong(256));
    }
}
