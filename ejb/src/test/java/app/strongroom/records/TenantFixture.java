package app.strongroom.records;

import app.strongroom.catalog.TenantId;
import app.strongroom.identity.Caller;
import app.strongroom.platform.DatabaseServerSettings;
import app.strongroom.platform.Migrations;
import app.strongroom.platform.PostgresAdmin;
import app.strongroom.platform.SqlIdentifier;
import app.strongroom.platform.TenantSecrets;
import app.strongroom.platform.TenantUnitSettings;
import app.strongroom.tenancy.TenantData;
import app.strongroom.tenancy.TenantUnitFactory;
import app.strongroom.tenancy.TenantUnitRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Function;

/**
 * One real tenant database (embedded PostgreSQL, the tenant migrations, the tenant's own role, EclipseLink) and the
 * ERP services wired to it as the container wires them, signed in as whichever user a test names.
 */
final class TenantFixture implements AutoCloseable {
    /**
     * The day the services under test read as today: fixed for the run, so a class whose expectations are computed
     * from it still holds when midnight passes during it.
     */
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final TenantSecrets SECRETS = new TenantSecrets(new byte[32]);

    private final EmbeddedPostgres postgres;
    private final TenantUnitRegistry registry;
    private final TenantId tenant = TenantId.random();

    TenantFixture() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        DatabaseServerSettings server = new DatabaseServerSettings("primary", "localhost", postgres.getPort(),
                "postgres", "unused");
        PostgresAdmin admin = new PostgresAdmin(server);
        SqlIdentifier database = new SqlIdentifier("tenant_" + tenant.hex());
        SqlIdentifier role = new SqlIdentifier("tenant_role_" + tenant.hex());
        admin.createDatabase(database);
        Migrations.migrateTenant(admin.adminDataSource(database));
        admin.createLoginRole(role, SECRETS.rolePassword(tenant));
        admin.confineRole(database, role);
        TenantUnitSettings settings = new TenantUnitSettings(2, Duration.ofMinutes(5), 4, Duration.ofSeconds(30));
        registry = new TenantUnitRegistry(id -> TenantUnitFactory.open(server, database.value(), role.value(),
                SECRETS.rolePassword(id), settings, "test-" + id.hex()), settings, Clock.systemUTC());
    }

    <T> T inTransaction(Function<EntityManager, T> work) {
        return registry.inTransaction(tenant, work);
    }

    /** A connection of the server's superuser, to watch what the tenant's sessions are doing (waiting on a lock). */
    Connection superuser() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    /** {@code service} as the container would inject it, working for {@code login}. */
    <S> S as(String login, S service) {
        return as(login, service, TODAY);
    }

    /** The same, in requests that read {@code today} as the day (one that began before midnight, say). */
    <S> S as(String login, S service, LocalDate today) {
        try {
            Field field = service.getClass().getDeclaredField("tenantData");
            field.setAccessible(true);
            field.set(service, new SignedIn(login, today));
            return service;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        registry.close();
        postgres.close();
    }

    private final class SignedIn extends TenantData {
        private final String login;
        private final LocalDate today;

        SignedIn(String login, LocalDate today) {
            this.login = login;
            this.today = today;
        }

        @Override
        public Caller.TenantUser caller() {
            return new Caller.TenantUser(tenant, login);
        }

        @Override
        public <T> T inTransaction(Function<EntityManager, T> work) {
            return registry.inTransaction(tenant, work);
        }

        @Override
        public LocalDate today() {
            return today;
        }
    }
}
