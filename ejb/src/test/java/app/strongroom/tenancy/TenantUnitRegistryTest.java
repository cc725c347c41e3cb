package app.strongroom.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.catalog.TenantId;
import app.strongroom.platform.DatabaseServerSettings;
import app.strongroom.platform.Migrations;
import app.strongroom.platform.PostgresAdmin;
import app.strongroom.platform.SqlIdentifier;
import app.strongroom.platform.TenantSecrets;
import app.strongroom.platform.TenantUnitSettings;
import app.strongroom.tenant.contact.Contact;
import app.strongroom.tenant.contact.ContactDetails;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registry of tenant units against a real PostgreSQL with real tenant databases, roles and EclipseLink. */
class TenantUnitRegistryTest {
    private static final Duration IDLE = Duration.ofMinutes(5);
    private static EmbeddedPostgres postgres;
    private static DatabaseServerSettings server;
    private static final TenantSecrets SECRETS = new TenantSecrets(new byte[32]);
    private static final Map<TenantId, String> DATABASES = new HashMap<>();
    private static final TenantId FIRST = TenantId.random();
    private static final TenantId SECOND = TenantId.random();
    private static final TenantId THIRD = TenantId.random();

    private final MutableClock clock = new MutableClock();
    private final AtomicInteger opened = new AtomicInteger();
    private TenantUnitRegistry registry;

    @BeforeAll
    static void databases() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        server = new DatabaseServerSettings("primary", "localhost", postgres.getPort(), "postgres", "unused");
        PostgresAdmin admin = new PostgresAdmin(server);
        for (TenantId id : new TenantId[] {FIRST, SECOND, THIRD}) {
            SqlIdentifier database = new SqlIdentifier("tenant_" + id.hex());
            SqlIdentifier role = new SqlIdentifier("tenant_role_" + id.hex());
            admin.createDatabase(database);
            Migrations.migrateTenant(admin.adminDataSource(database));
            admin.createLoginRole(role, SECRETS.rolePassword(id));
            admin.confineRole(database, role);
            DATABASES.put(id, database.value());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void registry() {
        registry = registryOf(2);
    }

    @AfterEach
    void close() {
        registry.close();
    }

    private TenantUnitRegistry registryOf(int maxOpen) {
        TenantUnitSettings settings = new TenantUnitSettings(maxOpen, IDLE, 2, Duration.ofSeconds(10));
        return new TenantUnitRegistry(id -> {
            opened.incrementAndGet();
            return TenantUnitFactory.open(server, DATABASES.get(id), "tenant_role_" + id.hex(),
                    SECRETS.rolePassword(id), settings, "test-" + id.hex());
        }, settings, clock);
    }

    @Test
    void eachTenantsWorkReachesOnlyItsOwnDatabase() {
        registry.inTransaction(FIRST, em -> {
            em.persist(new Contact(ContactDetails.of("Only In First", null, null, null, null)));
            return null;
        });
        assertThat(countContacts(FIRST)).isEqualTo(1);
        assertThat(countContacts(SECOND)).isZero();
        assertThat(opened).hasValue(2);
    }

    @Test
    void workThatThrowsIsRolledBackAsAWhole() {
        long before = countContacts(SECOND);
        assertThatThrownBy(() -> registry.inTransaction(SECOND, em -> {
            em.persist(new Contact(ContactDetails.of("Half", null, null, null, null)));
            em.flush();
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(countContacts(SECOND)).isEqualTo(before);
    }

    @Test
    void anIdleUnitIsClosedAndItsTenantHoldsNoConnection() throws Exception {
        countContacts(FIRST);
        assertThat(registry.isOpen(FIRST)).isTrue();
        assertThat(connectionsOf(FIRST)).isPositive();

        clock.advance(IDLE.minusSeconds(1));
        registry.evictIdle();
        assertThat(registry.isOpen(FIRST)).isTrue();

        clock.advance(Duration.ofSeconds(2));
        registry.evictIdle();
        assertThat(registry.isOpen(FIRST)).isFalse();
        assertThat(connectionsOf(FIRST)).isZero();

        countContacts(FIRST);
        assertThat(opened).as("reopened on next use").hasValue(2);
    }

    @Test
    void noMoreThanTheBoundStayOpenAndTheLeastRecentlyUsedGoesFirst() {
        countContacts(FIRST);
        clock.advance(Duration.ofSeconds(1));
        countContacts(SECOND);
        clock.advance(Duration.ofSeconds(1));
        countContacts(THIRD);
        assertThat(registry.openUnits()).isEqualTo(2);
        assertThat(registry.isOpen(FIRST)).isFalse();
        assertThat(registry.isOpen(SECOND)).isTrue();
        assertThat(registry.isOpen(THIRD)).isTrue();
    }

    @Test
    void aUnitInUseIsNeverEvictedUnderItsUser() {
        long count = registry.inTransaction(FIRST, em -> {
            clock.advance(IDLE.multipliedBy(2));
            registry.evictIdle();
            registry.inTransaction(SECOND, other -> 0L);
            registry.inTransaction(THIRD, other -> 0L);
            return em.createQuery("select count(c) from Contact c", Long.class).getSingleResult();
        });
        assertThat(count).isGreaterThanOrEqualTo(0);
        assertThat(registry.isOpen(FIRST)).isTrue();
    }

    private long countContacts(TenantId tenant) {
        return registry.inTransaction(tenant, em ->
                em.createQuery("select count(c) from Contact c", Long.class).getSingleResult());
    }

    private static int connectionsOf(TenantId tenant) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from pg_stat_activity where usename = ?")) {
            s.setString(1, "tenant_role_" + tenant.hex());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
