package app.strongroom.files;

import app.strongroom.catalog.TenantId;
import app.strongroom.identity.Role;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.tenancy.TenantData;
import app.strongroom.tenant.access.AccessPolicy;
import app.strongroom.tenant.access.Operation;
import app.strongroom.tenant.file.FileOwner;
import app.strongroom.tenant.file.StoredFile;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The files attached to the caller's tenant's contacts, orders and invoices. The content is encrypted to disk before its row is written;
 * if the row cannot be written the content goes again, so neither is ever left without the other. An id of another
 * tenant's file is simply not found: the caller's tenant database is the only one asked.
 */
@Stateless
@RolesAllowed(Role.Names.TENANT_USER)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StoredFileService {
    @Inject
    TenantData tenantData;
    @Inject
    FileStore store;
    @Inject
    PlatformSettings settings;

    public FileUpload upload(FileOwner owner, String name, String contentType, InputStream content) {
        TenantId tenant = tenantData.caller().tenant();
        if (!tenantData.underRules((em, policy) -> writable(em, policy, owner))) {
            return new FileUpload.NotFound();
        }
        UUID fileKey = UUID.randomUUID();
        long limit = settings.maxFileBytes();
        FileStore.Written written;
        try {
            written = store.write(tenant, fileKey, content, limit);
        } catch (FileStore.TooLarge tooLarge) {
            return new FileUpload.TooLarge(limit);
        }
        if (written.size() == 0) {
            store.discard(tenant, fileKey);
            return new FileUpload.Empty();
        }
        try {
            Optional<StoredFile> stored = tenantData.underRules((em, policy) -> {
                if (!writable(em, policy, owner)) {
                    return Optional.<StoredFile>empty();
                }
                StoredFile file = new StoredFile(owner, fileKey, name, contentType, written.size(), written.sha256(),
                        written.keyId(), tenantData.caller().login(), Instant.now());
                em.persist(file);
                return Optional.of(file);
            });
            if (stored.isEmpty()) {
                store.discard(tenant, fileKey);
                return new FileUpload.NotFound();
            }
            return new FileUpload.Stored(StoredFileView.of(stored.get()));
        } catch (RuntimeException e) {
            store.discard(tenant, fileKey);
            throw e;
        }
    }

    /** The files of a record the caller may read; none for any other. */
    public List<StoredFileView> files(FileOwner owner) {
        return tenantData.underRules((em, policy) -> readable(em, policy, owner)
                ? StoredFile.of(em, owner).stream().map(StoredFileView::of).toList()
                : List.<StoredFileView>of());
    }

    /** The file with its decrypted content, to stream to the caller; empty for any id that is not theirs. */
    public Optional<FileContent> download(long id) {
        TenantId tenant = tenantData.caller().tenant();
        return tenantData.underRules((em, policy) -> Optional.ofNullable(em.find(StoredFile.class, id))
                .filter(f -> readable(em, policy, f.owner()))).map(f -> {
            try {
                InputStream content = store.open(tenant, f.fileKey());
                return new FileContent(f.name(), f.contentType(), f.size(), content);
            } catch (IOException e) {
                throw new UncheckedIOException("stored file " + id + " cannot be read", e);
            }
        });
    }

    /** Deletes the file; false when there is no such file (for this tenant). */
    public boolean delete(long id) {
        TenantId tenant = tenantData.caller().tenant();
        Optional<UUID> removed = tenantData.underRules((em, policy) -> Optional.ofNullable(em.find(StoredFile.class, id))
                .filter(f -> writable(em, policy, f.owner()))
                .map(f -> {
                    em.remove(f);
                    return f.fileKey();
                }));
        removed.ifPresent(key -> store.discard(tenant, key));
        return removed.isPresent();
    }

    /**
     * A file goes with its record: it is read by whoever may read the record under their rights and record rules
     * (P20), and added or removed by whoever may change it. Anybody else finds no file.
     */
    private static boolean readable(EntityManager em, AccessPolicy policy, FileOwner owner) {
        return may(em, policy, owner, Operation.READ);
    }

    private static boolean writable(EntityManager em, AccessPolicy policy, FileOwner owner) {
        return may(em, policy, owner, Operation.WRITE);
    }

    private static boolean may(EntityManager em, AccessPolicy policy, FileOwner owner, Operation operation) {
        return policy.permits(owner.model(), operation)
                && policy.find(em, owner.model().entity(), owner.model(), operation, owner.id()).isPresent();
    }
}
