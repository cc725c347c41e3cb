package app.strongroom.tenant.access;

import java.time.LocalDate;
import java.util.Set;

/** What the variables of an expression stand for while one user's request runs. */
public record UserContext(long userId, long companyId, Set<Long> groupIds, boolean administrator, LocalDate today) {
    public UserContext {
        groupIds = Set.copyOf(groupIds);
    }
}
