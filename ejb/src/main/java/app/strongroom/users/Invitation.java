package app.strongroom.users;

import java.util.Set;

/** Whom to invite: a login, the address the link goes to, whether they administer the tenant, and their groups. */
public record Invitation(String login, String email, boolean administrator, Set<String> groups) {
    public Invitation {
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }
}
