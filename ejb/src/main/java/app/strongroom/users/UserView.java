package app.strongroom.users;

import app.strongroom.tenant.user.UserStatus;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/** One user as the administrator sees them: no password, hash or link. */
public record UserView(String login, String email, UserStatus status, boolean administrator, List<String> groups,
                       OffsetDateTime createdAt) implements Serializable {
    public UserView {
        groups = List.copyOf(groups);
    }
}
