package app.strongroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.catalog.TenantDatabase;
import app.strongroom.catalog.TenantId;
import app.strongroom.platform.Migrations;
import app.strongroom.platform.PostgresAdmin;
import app.strongroom.platform.SqlIdentifier;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A tenant made by this build, then the next build started: one that ships a further tenant migration. The tenant's
 * database must be upgraded when the application starts, and its role granted the new table. Runs last (it leaves the
 * shared template one version ahead, which older builds ignore as a future migration).
 */
@OnStrongroom
@RunAsClient
class SchemaUpgradeIT {
    private static final int NEXT_VERSION = 999;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "current", managed = false, testable = false)
    static WebArchive current() {
        return Deployments.strongroom("current.war");
    }

    @Deployment(name = "next", managed = false, testable = false)
    static WebArchive next() {
        return Deployments.strongroom("next.war").addAsResource(new StringAsset(
                "create table upgrade_probe (id bigint generated always as identity primary key, note text);"),
                "db/tenant/V" + NEXT_VERSION + "__upgrade_probe.sql");
    }

    @Test
    void tenantDatabasesAreUpgradedWhenTheApplicationStarts() throws Exception {
        URI base = URI.create("https://localhost:" + TestPlatform.httpsPort() + "/");
        deployer.deploy("current");
        String slug;
        try {
            slug = Tenants.create(FacesClient.forTestServer(base), "upgrade");
        } finally {
            deployer.undeploy("current");
        }
        TenantId tenant = Tenants.idOf(slug).orElseThrow();
        assertThat(hasProbeTable(tenant)).isFalse();
        assertThat(roleMayWriteHistory(tenant)).isFalse();
        // As a build before V9 left a tenant: its role could write the migrations' history, and V9 was not applied.
        try (Connection c = Tenants.superuser(TenantDatabase.databaseName(tenant)); Statement s = c.createStatement()) {
            s.execute("grant insert, update, delete, truncate on table flyway_schema_history to "
                    + TenantDatabase.roleName(tenant));
            s.execute("delete from flyway_schema_history where version = '9'");
        }
        assertThat(roleMayWriteHistory(tenant)).isTrue();

        HttpsPortFree.await(TestPlatform.httpsPort());
        deployer.deploy("next");
        try {
            // Checked in the databases the start-up upgraded (this second boot's HTTPS listener was seen not to come
            // up now and then on a port freed moments before; see the session note).
            assertThat(schemaVersion(slug)).isEqualTo(NEXT_VERSION);
            assertThat(hasProbeTable(tenant)).isTrue();
            assertThat(roleMayWriteHistory(tenant)).as("the upgrade took the history away from the role").isFalse();
            assertThat(templateVersion()).as("new tenants start from the upgraded template").isEqualTo(NEXT_VERSION);
        } finally {
            deployer.undeploy("next");
            restoreTheTemplateOfThisBuild();
        }
    }

    /** Later test classes deploy this build again: give them back a template and catalog of this build's version. */
    private static void restoreTheTemplateOfThisBuild() throws SQLException {
        PostgresAdmin admin = Tenants.postgresAdmin();
        SqlIdentifier template = new SqlIdentifier(TenantDatabase.TEMPLATE);
        try (Connection c = Tenants.superuser("postgres"); Statement s = c.createStatement()) {
            s.execute("drop database " + TenantDatabase.TEMPLATE + " with (force)");
        }
        admin.createDatabase(template);
        admin.closeToPublic(template);
        int version = Migrations.migrateTenant(admin.adminDataSource(template));
        try (Connection c = Tenants.superuser(TestPlatform.CATALOG);
             PreparedStatement s = c.prepareStatement("update database_server set template_version = ?")) {
            s.setInt(1, version);
            s.executeUpdate();
        }
    }

    /** Whether the tenant's own role may write the migrations' history (and so mark a migration as applied). */
    private static boolean roleMayWriteHistory(TenantId tenant) throws SQLException {
        try (Connection c = Tenants.asTenantRole(tenant, TenantDatabase.databaseName(tenant));
             Statement s = c.createStatement(); ResultSet r = s.executeQuery("select has_table_privilege("
                     + "'flyway_schema_history', 'INSERT') or has_table_privilege('flyway_schema_history', 'UPDATE') "
                     + "or has_table_privilege('flyway_schema_history', 'DELETE')")) {
            r.next();
            return r.getBoolean(1);
        }
    }

    /** Reads and writes the new table as the tenant's own role: true only if it exists and the role was granted it. */
    private static boolean hasProbeTable(TenantId tenant) throws SQLException {
        try (Connection c = Tenants.asTenantRole(tenant, TenantDatabase.databaseName(tenant));
             Statement s = c.createStatement()) {
            s.execute("insert into upgrade_probe (note) values ('written by the tenant role')");
            return true;
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    private static int templateVersion() throws SQLException {
        try (Connection c = Tenants.superuser(TestPlatform.CATALOG); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select template_version from database_server where name = 'primary'")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static int schemaVersion(String slug) throws SQLException {
        try (Connection c = Tenants.superuser(TestPlatform.CATALOG);
             PreparedStatement s = c.prepareStatement("select schema_version from tenant where slug = ?")) {
            s.setString(1, slug);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}
