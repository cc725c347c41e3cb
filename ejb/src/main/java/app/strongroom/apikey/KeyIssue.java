package app.strongroom.apikey;

/** What asking for a new API key came to. */
public sealed interface KeyIssue {
    /** Made; {@code secret} is the key, shown this once and kept nowhere. */
    record Issued(KeyView key, String secret) implements KeyIssue {
        @Override
        public String toString() {
            return "Issued[" + key.id() + "]";
        }
    }

    /** Not made: {@code field} ("name", "lifetime", "scope", or empty for the whole form) and what is wrong with it. */
    record Refused(String field, String rule) implements KeyIssue {
    }
}
