package app.strongroom.identity;

import com.nulabinc.zxcvbn.StandardDictionaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * What a new password must be (P4): at least {@code minimumLength} characters and, when screening is on, not one of
 * the 30,000 most common passwords (the list zxcvbn ships). No composition rules: they push people to predictable
 * patterns without making passwords harder to guess (Shay et al. 2016).
 */
public record PasswordPolicy(int minimumLength, boolean screenCommonPasswords) {
    public static final int DEFAULT_MINIMUM_LENGTH = 8;
    public static final int MAXIMUM_LENGTH = 256;

    public PasswordPolicy {
        if (minimumLength < DEFAULT_MINIMUM_LENGTH || minimumLength > 128) {
            throw new IllegalArgumentException("minimum password length must be between 8 and 128");
        }
    }

    public static PasswordPolicy standard() {
        return new PasswordPolicy(DEFAULT_MINIMUM_LENGTH, true);
    }

    /** Why a password is refused; {@link Acceptable} when it is not. */
    public sealed interface Verdict {
    }

    public record Acceptable() implements Verdict {
    }

    public record TooShort(int minimumLength) implements Verdict {
    }

    public record TooLong(int maximumLength) implements Verdict {
    }

    public record TooCommon() implements Verdict {
    }

    public Verdict judge(char[] password) {
        String text = password == null ? "" : new String(password);
        int length = text.codePointCount(0, text.length());
        if (length < minimumLength) {
            return new TooShort(minimumLength);
        }
        if (length > MAXIMUM_LENGTH) {
            return new TooLong(MAXIMUM_LENGTH);
        }
        if (screenCommonPasswords && CommonPasswords.LIST.containsKey(text.toLowerCase(Locale.ROOT))) {
            return new TooCommon();
        }
        return new Acceptable();
    }

    /** Loaded once, on first use. */
    private static final class CommonPasswords {
        static final Map<String, Integer> LIST = load();

        private static Map<String, Integer> load() {
            try {
                return Map.copyOf(StandardDictionaries.PASSWORDS_LOADER.load().getRankedDictionary());
            } catch (IOException e) {
                throw new UncheckedIOException("the common-password list is missing", e);
            }
        }
    }
}
