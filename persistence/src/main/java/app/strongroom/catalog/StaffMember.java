package app.strongroom.catalog;

import app.strongroom.common.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Pattern;

/** A member of the platform staff. Staff are a realm of their own, kept in the catalog and never in a tenant. */
@Entity
@Table(name = "staff_member")
@NamedQuery(name = StaffMember.BY_LOGIN, query = "select s from StaffMember s where s.login = :login")
@NamedQuery(name = StaffMember.COUNT, query = "select count(s) from StaffMember s")
public class StaffMember {
    public static final String BY_LOGIN = "StaffMember.byLogin";
    public static final String COUNT = "StaffMember.count";
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{1,62}");

    @Id
    private UUID id;
    @Column(nullable = false, unique = true)
    private String login;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StaffRole role;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected StaffMember() {
    }

    public StaffMember(String login, String passwordHash, StaffRole role) {
        this.id = UUID.randomUUID();
        this.login = Require.matching("login", login, LOGIN, "must be 2 to 63 lower-case letters, digits, '.', '_' or '-'");
        this.passwordHash = Require.text("password hash", passwordHash, 512);
        this.role = Require.present("role", role);
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public void replacePasswordHash(String newHash) {
        this.passwordHash = Require.text("password hash", newHash, 512);
    }

    public String login() {
        return login;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public StaffRole role() {
        return role;
    }
}
