package app.strongroom.account;

import app.strongroom.tenant.user.PasswordLink;

/** What a password link is worth when somebody follows it. Unknown and spent links look alike. */
public sealed interface LinkState {
    record Usable(String login, PasswordLink.Purpose purpose, int minimumLength) implements LinkState {
    }

    record Expired() implements LinkState {
    }

    record Invalid() implements LinkState {
    }
}
