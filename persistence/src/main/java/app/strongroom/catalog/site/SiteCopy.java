package app.strongroom.catalog.site;

import app.strongroom.common.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** One object at one site: verified (with the digest read back), failed (with why), or found corrupt. */
@Entity
@Table(name = "site_copy")
@NamedQuery(name = SiteCopy.AT_SITE, query = "select c from SiteCopy c where c.site = :site")
@NamedQuery(name = SiteCopy.OF_OBJECT, query = "select c from SiteCopy c where c.site = :site and c.objectKey = :key")
@NamedQuery(name = SiteCopy.OF_BACKUP, query = "select c from SiteCopy c where c.backupId = :backup")
@NamedQuery(name = SiteCopy.OF_TENANT, query = "select c from SiteCopy c where c.tenantId = :tenant")
@NamedQuery(name = SiteCopy.ALL, query = "select c from SiteCopy c")
public class SiteCopy {
    public static final String AT_SITE = "SiteCopy.atSite";
    public static final String OF_OBJECT = "SiteCopy.ofObject";
    public static final String OF_BACKUP = "SiteCopy.ofBackup";
    public static final String OF_TENANT = "SiteCopy.ofTenant";
    public static final String ALL = "SiteCopy.all";
    private static final int FAILURE_MAX = 1000;

    @Id
    private UUID id;
    @Column(nullable = false)
    private String site;
    @Column(name = "object_key", nullable = false)
    private String objectKey;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CopyKind kind;
    /** Text: null for catalog backups, and EclipseLink binds a null UUID as text. */
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "backup_id")
    private String backupId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CopyState state;
    private String sha256;
    @Column(name = "size_bytes")
    private Long sizeBytes;
    @Column(name = "verified_at")
    private OffsetDateTime verifiedAt;
    private String failure;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;
    @Version
    private long version;

    protected SiteCopy() {
    }

    public SiteCopy(String site, String objectKey, CopyKind kind, Optional<UUID> tenant, Optional<UUID> backup,
                    Instant now) {
        this.id = UUID.randomUUID();
        this.site = Require.text("site", site, 40);
        this.objectKey = Require.text("object key", objectKey, 200);
        this.kind = Require.present("kind", kind);
        this.tenantId = tenant.map(UUID::toString).orElse(null);
        this.backupId = backup.map(UUID::toString).orElse(null);
        if (kind != CopyKind.CATALOG && tenantId == null) {
            throw new IllegalArgumentException("a tenant's copy names its tenant");
        }
        if (kind == CopyKind.BACKUP && backupId == null) {
            throw new IllegalArgumentException("a backup's copy names its backup");
        }
        this.state = CopyState.FAILED;
        this.failure = "not copied yet";
        this.updatedAt = at(now);
    }

    /** Read back from the site whole, with this digest and size. */
    public void verified(String sha256, long size, Instant now) {
        this.sha256 = Require.text("digest", sha256, 64);
        this.sizeBytes = size;
        this.state = CopyState.VERIFIED;
        this.verifiedAt = at(now);
        this.failure = null;
        this.attempts = 0;
        this.updatedAt = verifiedAt;
    }

    /** The copy could not be made or checked; a verified copy made before stays counted only if it was not touched. */
    public void failed(String reason, Instant now) {
        this.state = CopyState.FAILED;
        this.failure = shorten(reason);
        this.attempts++;
        this.updatedAt = at(now);
    }

    /** Read back later and found not to match: it no longer counts, and the next pass replaces it. */
    public void foundCorrupt(String reason, Instant now) {
        this.state = CopyState.CORRUPT;
        this.failure = shorten(reason);
        this.updatedAt = at(now);
    }

    /** Whether this copy counts as a good copy of content with digest {@code expectedSha256}. */
    public boolean holds(String expectedSha256) {
        return state == CopyState.VERIFIED && expectedSha256 != null && expectedSha256.equals(sha256);
    }

    private static String shorten(String reason) {
        return app.strongroom.common.Reasons.fit(reason, "no reason given", FAILURE_MAX);
    }

    private static OffsetDateTime at(Instant now) {
        return OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }

    public UUID id() {
        return id;
    }

    public String site() {
        return site;
    }

    public String objectKey() {
        return objectKey;
    }

    public CopyKind kind() {
        return kind;
    }

    public Optional<UUID> tenant() {
        return Optional.ofNullable(tenantId).map(UUID::fromString);
    }

    public Optional<UUID> backup() {
        return Optional.ofNullable(backupId).map(UUID::fromString);
    }

    public CopyState state() {
        return state;
    }

    public Optional<String> sha256() {
        return Optional.ofNullable(sha256);
    }

    public Optional<Long> size() {
        return Optional.ofNullable(sizeBytes);
    }

    public Optional<Instant> verifiedAt() {
        return Optional.ofNullable(verifiedAt).map(OffsetDateTime::toInstant);
    }

    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    public int attempts() {
        return attempts;
    }

    public Instant updatedAt() {
        return updatedAt.toInstant();
    }
}
