package app.strongroom.apitoken;

/** What asking for a new staff API token came to. */
public sealed interface TokenIssue {
    /** Made; {@code secret} is the token, shown this once and kept nowhere. */
    record Issued(TokenView token, String secret) implements TokenIssue {
        @Override
        public String toString() {
            return "Issued[" + token.id() + "]";
        }
    }

    /** Not made: {@code field} ("name", "lifetime", or empty for the whole form) and what is wrong with it. */
    record Refused(String field, String rule) implements TokenIssue {
    }
}
