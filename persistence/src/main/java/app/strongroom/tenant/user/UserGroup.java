package app.strongroom.tenant.user;

import app.strongroom.common.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/** A named group of a tenant's users (Sales, Accounting, ...), which the administrator assigns. */
@Entity
@Table(name = "user_group")
@NamedQuery(name = UserGroup.ALL, query = "select g from UserGroup g order by g.name")
@NamedQuery(name = UserGroup.BY_NAMES, query = "select g from UserGroup g where g.name in :names")
public class UserGroup {
    public static final String ALL = "UserGroup.all";
    public static final String BY_NAMES = "UserGroup.byNames";
    private static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L}\\p{N} ._-]{0,63}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true)
    private String name;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Version
    private long version;

    protected UserGroup() {
    }

    public UserGroup(String name) {
        this.name = Require.matching("group name", Require.text("group name", name, 64).strip(), NAME,
                "must start with a letter and use only letters, digits, spaces and . _ -");
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UserGroup group && name.equals(group.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
