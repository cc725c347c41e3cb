package app.strongroom.portal;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.catalog.TenantId;
import app.strongroom.platform.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tenant's link generation in a real catalog (embedded PostgreSQL, the catalog migrations, EclipseLink). */
class PortalGenerationsTest {
    private static EmbeddedPostgres postgres;
    private static EntityManagerFactory catalog;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        Migrations.migrateCatalog(postgres.getPostgresDatabase());
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("insert into database_server (name, host, port, created_at)"
                    + " values ('primary', 'localhost', 5432, now())");
        }
        catalog = Persistence.createEntityManagerFactory("catalog", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.nonJtaDataSource", postgres.getPostgresDatabase(),
                "eclipselink.session-name", "portal-generations-test"));
    }

    @AfterAll
    static void stop() throws Exception {
        catalog.close();
        postgres.close();
    }

    @Test
    void aTenantStartsAtZeroAndEachVoidingRaisesIt() throws Exception {
        TenantId tenant = tenant();
        assertThat(inTransaction(generations -> generations.current(tenant))).isZero();
        assertThat(inTransaction(generations -> generations.voidAll(tenant))).isEqualTo(1);
        assertThat(inTransaction(generations -> generations.voidAll(tenant))).isEqualTo(2);
        assertThat(inTransaction(generations -> generations.current(tenant))).isEqualTo(2);
    }

    /**
     * Two first voidings at once (a revoke-all during a restore): the second waits for the first's row and raises it,
     * instead of failing on the primary key.
     */
    @Test
    void twoFirstVoidingsAtOnceBothRaiseTheGeneration() throws Exception {
        TenantId tenant = tenant();
        EntityManager first = catalog.createEntityManager();
        first.getTransaction().begin();
        PortalGenerations firstCaller = new PortalGenerations();
        firstCaller.em = first;
        assertThat(firstCaller.voidAll(tenant)).isEqualTo(1);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(
                () -> inTransaction(generations -> generations.voidAll(tenant)));
        awaitOneWaitingOnALock();
        first.getTransaction().commit();
        first.close();
        assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(inTransaction(generations -> generations.current(tenant))).isEqualTo(2);
    }

    private static void awaitOneWaitingOnALock() throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement waiting = connection.prepareStatement(
                     "select count(*) from pg_stat_activity where wait_event_type = 'Lock'")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                try (ResultSet count = waiting.executeQuery()) {
                    count.next();
                    if (count.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.onSpinWait();
            }
        }
        throw new AssertionError("the second voiding never waited for the first");
    }

    private static TenantId tenant() throws Exception {
        TenantId tenant = TenantId.random();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into tenant (id, slug, company_name, plan,"
                     + " status, server_name, created_at, updated_at) values (?, ?, 'Co', 'FREE', 'ACTIVE', 'primary',"
                     + " now(), now())")) {
            insert.setObject(1, tenant.value());
            insert.setString(2, "t" + tenant.hex().substring(0, 20));
            insert.executeUpdate();
        }
        return tenant;
    }

    private static int inTransaction(ToIntFunction<PortalGenerations> work) {
        EntityManager em = catalog.createEntityManager();
        try {
            em.getTransaction().begin();
            PortalGenerations generations = new PortalGenerations();
            generations.em = em;
            int result = work.applyAsInt(generations);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }
}
