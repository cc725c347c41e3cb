package app.strongroom.catalog;

import app.strongroom.common.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server that holds tenant databases. Only its address is stored here; the administrative credentials
 * come from configuration under the server's name, so a leaked catalog does not open the servers.
 */
@Entity
@Table(name = "database_server")
@NamedQuery(name = DatabaseServer.ALL, query = "select s from DatabaseServer s order by s.name")
@NamedQuery(name = DatabaseServer.TENANT_COUNTS,
        query = "select t.server.name, count(t) from Tenant t group by t.server.name")
public class DatabaseServer {
    public static final String ALL = "DatabaseServer.all";
    public static final String TENANT_COUNTS = "DatabaseServer.tenantCounts";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    @Id
    private String name;
    @Column(nullable = false)
    private String host;
    @Column(nullable = false)
    private int port;
    @Column(name = "template_version", nullable = false)
    private int templateVersion;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected DatabaseServer() {
    }

    public DatabaseServer(String name, String host, int port) {
        this.name = Require.matching("server name", name, NAME, "must be a lower-case name");
        moveTo(host, port);
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** The server answers at a new address (a failover, a migration); its tenants follow it. */
    public final void moveTo(String newHost, int newPort) {
        this.host = Require.text("host", newHost, 255);
        if (newPort < 1 || newPort > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535");
        }
        this.port = newPort;
    }

    /**
     * The server's tenant template now carries migrations up to {@code version}: a database copied from it starts
     * at that version without running migrations again.
     */
    public void recordTemplateVersion(int version) {
        if (version < templateVersion) {
            throw new IllegalArgumentException("template version " + version + " is older than " + templateVersion);
        }
        templateVersion = version;
    }

    public int templateVersion() {
        return templateVersion;
    }

    public String name() {
        return name;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }
}
