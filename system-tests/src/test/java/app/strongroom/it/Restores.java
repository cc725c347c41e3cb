package app.strongroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.identity.PasswordHasher;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The helpdesk's side of restores, for tests: a helpdesk member, the restore page, and a restore's record. */
final class Restores {
    static final String HELPDESK_PASSWORD = "helpdesk-test-password";

    private Restores() {
    }

    /** A new helpdesk member in {@code catalog} (staff roles other than the operator are not made through a page). */
    static String helpdeskMember(String catalog) throws SQLException {
        String login = "helpdesk-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = Tenants.superuser(catalog); PreparedStatement s = c.prepareStatement(
                "insert into staff_member (id, login, password_hash, role, created_at) values (?, ?, ?, 'HELPDESK', now())")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, login);
            s.setString(3, new PasswordHasher(TestPlatform.TEST_ITERATIONS).hash(HELPDESK_PASSWORD.toCharArray()).format());
            s.executeUpdate();
        }
        return login;
    }

    static FacesClient signedInStaff(URI base, String login) {
        FacesClient client = FacesClient.forTestServer(base);
        HttpResponse<String> answer = client.submit("staff-login.xhtml", "staffSignin",
                Map.of("login", login, "password", HELPDESK_PASSWORD), "submit");
        assertThat(answer.statusCode()).isEqualTo(302);
        return client;
    }

    /** Fills in and submits the restore page; returns the page answered (after its redirect). */
    static HttpResponse<String> submit(FacesClient staff, String slug, UUID backup, String mode, String reason) {
        HttpResponse<String> page = staff.get("staff/restore.xhtml?tenant=" + slug);
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> answer = staff.submitFrom(page, "restore",
                Map.of("backup_input", backup.toString(), "mode", mode, "reason", reason), "submit");
        return FacesClient.isRedirect(answer) ? staff.get(FacesClient.location(answer)) : answer;
    }

    /** Asks for a restore through the page and returns the id of its record in {@code catalog}. */
    static UUID request(FacesClient helpdesk, String catalog, String slug, UUID backup, String mode, String reason)
            throws SQLException {
        Instant before = Instant.now().minusSeconds(1);
        HttpResponse<String> answer = submit(helpdesk, slug, backup, mode, reason);
        assertThat(answer.body()).contains("The restore has started");
        try (Connection c = Tenants.superuser(catalog); PreparedStatement s = c.prepareStatement(
                "select id from restore_run where backup_id = ? and requested_at >= ? order by requested_at desc")) {
            s.setObject(1, backup);
            s.setObject(2, java.time.OffsetDateTime.ofInstant(before, java.time.ZoneOffset.UTC));
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as("the restore is recorded").isTrue();
                return r.getObject(1, UUID.class);
            }
        }
    }

    /** The restore's record once it has ended: state, failure, safety_backup_id and database_name. */
    static Map<String, Object> awaitFinished(String catalog, UUID restore, Duration timeout) {
        return Backups.await(timeout, () -> {
            try (Connection c = Tenants.superuser(catalog); PreparedStatement s = c.prepareStatement(
                    "select state, failure, safety_backup_id, database_name from restore_run "
                            + "where id = ? and state in ('DONE', 'FAILED')")) {
                s.setObject(1, restore);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    Map<String, Object> row = new HashMap<>();
                    row.put("state", r.getString(1));
                    row.put("failure", r.getString(2));
                    row.put("safety_backup_id", Optional.ofNullable(r.getString(3)).map(UUID::fromString).orElse(null));
                    row.put("database_name", r.getString(4));
                    return Optional.of(row);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
