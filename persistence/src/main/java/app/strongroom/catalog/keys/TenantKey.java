package app.strongroom.catalog.keys;

import app.strongroom.catalog.TenantId;
import app.strongroom.common.Require;
import app.strongroom.vault.keys.WrappedKeyset;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** A tenant's data keyset, wrapped by the master key named by {@code masterKeyId}. */
@Entity
@Table(name = "tenant_key")
@NamedQuery(name = TenantKey.ALL, query = "select k from TenantKey k")
@NamedQuery(name = TenantKey.NOT_WRAPPED_BY, query = "select k from TenantKey k where k.masterKeyId <> :masterKeyId")
public class TenantKey {
    public static final String NOT_WRAPPED_BY = "TenantKey.notWrappedBy";
    public static final String ALL = "TenantKey.all";

    @Id
    @Column(name = "tenant_id")
    private UUID tenantId;
    @Column(name = "master_key_id", nullable = false)
    private String masterKeyId;
    @Column(name = "primary_key_id", nullable = false)
    private int primaryKeyId;
    @Column(nullable = false)
    private byte[] wrapped;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(name = "rotated_at", nullable = false)
    private OffsetDateTime rotatedAt;
    @Version
    private long version;

    protected TenantKey() {
    }

    public TenantKey(TenantId tenant, WrappedKeyset keyset, Instant now) {
        this.tenantId = Require.present("tenant", tenant).value();
        if (!keyset.tenant().equals(tenantId.toString())) {
            throw new IllegalArgumentException("the keyset belongs to tenant " + keyset.tenant());
        }
        store(keyset);
        this.createdAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        this.rotatedAt = createdAt;
    }

    /** The keyset rotated (a new primary key) or re-wrapped (a new master key). */
    public void replace(WrappedKeyset keyset, Instant now) {
        if (!keyset.tenant().equals(tenantId.toString())) {
            throw new IllegalArgumentException("the keyset belongs to tenant " + keyset.tenant());
        }
        boolean rotated = keyset.primaryKeyId() != primaryKeyId;
        store(keyset);
        if (rotated) {
            rotatedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        }
    }

    private void store(WrappedKeyset keyset) {
        this.masterKeyId = keyset.masterKeyId();
        this.primaryKeyId = keyset.primaryKeyId();
        this.wrapped = keyset.ciphertext();
    }

    public WrappedKeyset wrapped() {
        return new WrappedKeyset(tenantId.toString(), masterKeyId, primaryKeyId, wrapped);
    }

    public TenantId tenant() {
        return new TenantId(tenantId);
    }

    public int primaryKeyId() {
        return primaryKeyId;
    }

    public OffsetDateTime rotatedAt() {
        return rotatedAt;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
