package app.strongroom.catalog;

import app.strongroom.common.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A customer company hosted by Strongroom. It owns exactly one PostgreSQL database and one login role on one
 * {@link DatabaseServer}; both names derive from the tenant id so they are valid SQL identifiers by construction.
 */
@Entity
@Table(name = "tenant")
@NamedQuery(name = Tenant.BY_SLUG, query = "select t from Tenant t where t.slug = :slug")
@NamedQuery(name = Tenant.ALL, query = "select t from Tenant t order by t.createdAt")
@NamedQuery(name = Tenant.COUNT, query = "select count(t) from Tenant t")
@NamedQuery(name = Tenant.BEHIND_SCHEMA,
        query = "select t from Tenant t where t.schemaVersion < :version and t.status = app.strongroom.catalog.TenantStatus.ACTIVE")
@NamedQuery(name = Tenant.STUCK,
        query = "select t from Tenant t where t.status in (app.strongroom.catalog.TenantStatus.PROVISIONING, "
                + "app.strongroom.catalog.TenantStatus.DELETING) and t.updatedAt < :before")
public class Tenant {
    public static final String BY_SLUG = "Tenant.bySlug";
    public static final String ALL = "Tenant.all";
    public static final String COUNT = "Tenant.count";
    public static final String BEHIND_SCHEMA = "Tenant.behindSchema";
    public static final String STUCK = "Tenant.stuck";

    @Id
    private UUID id;
    @Column(nullable = false, unique = true)
    private String slug;
    @Column(name = "company_name", nullable = false)
    private String companyName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Plan plan;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TenantStatus status;
    @ManyToOne(optional = false)
    @JoinColumn(name = "server_name")
    private DatabaseServer server;
    @Column(name = "schema_version", nullable = false)
    private int schemaVersion;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;
    @Version
    private long version;

    protected Tenant() {
    }

    public Tenant(TenantId id, TenantSlug slug, String companyName, Plan plan, DatabaseServer server) {
        this.id = Require.present("tenant id", id).value();
        this.slug = Require.present("tenant name", slug).value();
        this.companyName = Require.text("company name", companyName, 200);
        this.plan = Require.present("plan", plan);
        this.server = Require.present("database server", server);
        this.status = TenantStatus.PROVISIONING;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.updatedAt = createdAt;
    }

    /** Database, role and first administrator exist: users may sign in. */
    public void activate() {
        if (status != TenantStatus.PROVISIONING) {
            throw new IllegalStateException("tenant " + slug + " is " + status + ", not provisioning");
        }
        status = TenantStatus.ACTIVE;
        touch();
    }

    /** From here on nobody signs in; the database and role are dropped next, then this row. */
    public void beginDeletion() {
        status = TenantStatus.DELETING;
        touch();
    }

    /**
     * A live restore replaces the database: nobody signs in and every session ends until {@link #endMaintenance()}.
     */
    public void beginMaintenance() {
        if (status != TenantStatus.ACTIVE) {
            throw new IllegalStateException("tenant " + slug + " is " + status + ", not active");
        }
        status = TenantStatus.MAINTENANCE;
        touch();
    }

    public void endMaintenance() {
        if (status != TenantStatus.MAINTENANCE) {
            throw new IllegalStateException("tenant " + slug + " is " + status + ", not in maintenance");
        }
        status = TenantStatus.ACTIVE;
        touch();
    }

    public boolean isInMaintenance() {
        return status == TenantStatus.MAINTENANCE;
    }

    /**
     * The restored database carries {@code version}: unlike {@link #recordSchemaVersion}, a restore may set it back
     * before the migrations bring it up again.
     */
    public void restoredAtSchemaVersion(int version) {
        schemaVersion = version;
        touch();
    }

    /** The tenant database now carries migrations up to {@code version}; versions never go back. */
    public void recordSchemaVersion(int version) {
        if (version < schemaVersion) {
            throw new IllegalArgumentException("schema version " + version + " is older than " + schemaVersion);
        }
        schemaVersion = version;
        touch();
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public boolean acceptsSignIn() {
        return status == TenantStatus.ACTIVE;
    }

    private void touch() {
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public TenantId id() {
        return new TenantId(id);
    }

    public TenantSlug slug() {
        return new TenantSlug(slug);
    }

    public String companyName() {
        return companyName;
    }

    public Plan plan() {
        return plan;
    }

    public TenantStatus status() {
        return status;
    }

    public DatabaseServer server() {
        return server;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    /** Name of the tenant's own database. */
    public String databaseName() {
        return TenantDatabase.databaseName(id());
    }

    /** Name of the login role that alone may connect to {@link #databaseName()}. */
    public String roleName() {
        return TenantDatabase.roleName(id());
    }
}
