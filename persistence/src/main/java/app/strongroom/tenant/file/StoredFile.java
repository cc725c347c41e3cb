package app.strongroom.tenant.file;

import app.strongroom.common.Require;
import app.strongroom.tenant.access.RecordModel;
import app.strongroom.tenant.contact.ContactId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A file attached to a contact, a sales order or an invoice (exactly one: {@link FileOwner}): its name, type, size and
 * SHA-256 as uploaded, and {@code fileKey}, which names the encrypted content and is bound into its ciphertext. The
 * name is only ever shown and offered as a download name, never used as a path.
 */
@Entity
@Table(name = "stored_file")
@NamedQuery(name = StoredFile.OF_CONTACT, query = "select f from StoredFile f where f.contactId = :contact order by f.uploadedAt, f.id")
@NamedQuery(name = StoredFile.OF_ORDER, query = "select f from StoredFile f where f.saleOrderId = :owner order by f.uploadedAt, f.id")
@NamedQuery(name = StoredFile.OF_INVOICE, query = "select f from StoredFile f where f.invoiceId = :owner order by f.uploadedAt, f.id")
public class StoredFile {
    public static final String OF_CONTACT = "StoredFile.ofContact";
    public static final String OF_ORDER = "StoredFile.ofOrder";
    public static final String OF_INVOICE = "StoredFile.ofInvoice";
    public static final int NAME_MAX = 255;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Zl}\\p{Zp}]");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "contact_id")
    private Long contactId;
    @Column(name = "sale_order_id")
    private Long saleOrderId;
    @Column(name = "invoice_id")
    private Long invoiceId;
    @Column(name = "file_key", nullable = false)
    private UUID fileKey;
    @Column(nullable = false)
    private String name;
    @Column(name = "content_type", nullable = false)
    private String contentType;
    @Column(name = "size_bytes", nullable = false)
    private long size;
    @Column(nullable = false)
    private String sha256;
    @Column(name = "key_id", nullable = false)
    private int keyId;
    @Column(name = "uploaded_at", nullable = false)
    private OffsetDateTime uploadedAt;
    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;

    protected StoredFile() {
    }

    public StoredFile(ContactId contact, UUID fileKey, String name, String contentType, long size, String sha256,
                      int keyId, String uploadedBy, Instant now) {
        this(new FileOwner(RecordModel.CONTACT, Require.present("contact", contact).value()), fileKey, name,
                contentType, size, sha256, keyId, uploadedBy, now);
    }

    public StoredFile(FileOwner owner, UUID fileKey, String name, String contentType, long size, String sha256,
                      int keyId, String uploadedBy, Instant now) {
        switch (Require.present("owner", owner).model()) {
            case CONTACT -> this.contactId = owner.id();
            case SALES_ORDER -> this.saleOrderId = owner.id();
            default -> this.invoiceId = owner.id();
        }
        this.fileKey = Require.present("file key", fileKey);
        this.name = cleanName(name);
        this.contentType = cleanType(contentType);
        if (size < 1) {
            throw new app.strongroom.common.InvalidValue("file", "is empty");
        }
        this.size = size;
        this.sha256 = Require.text("digest", sha256, 64);
        this.keyId = keyId;
        this.uploadedBy = Require.text("uploader", uploadedBy, 64);
        this.uploadedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }

    /** The name without any directory part or control characters, as a download name; never empty. */
    static String cleanName(String given) {
        String name = given == null ? "" : given.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = CONTROL.matcher(name).replaceAll("").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "file";
        }
        return name.length() > NAME_MAX ? name.substring(0, NAME_MAX) : name;
    }

    /** A plain media type as the browser declared it, or application/octet-stream for anything else. */
    static String cleanType(String given) {
        String type = given == null ? "" : given.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return MEDIA_TYPE.matcher(type).matches() ? type : "application/octet-stream";
    }

    public long id() {
        return id;
    }

    public FileOwner owner() {
        if (contactId != null) {
            return new FileOwner(RecordModel.CONTACT, contactId);
        }
        return saleOrderId != null ? new FileOwner(RecordModel.SALES_ORDER, saleOrderId)
                : new FileOwner(RecordModel.INVOICE, invoiceId);
    }

    /** The files of {@code owner}, oldest first. */
    public static List<StoredFile> of(EntityManager em, FileOwner owner) {
        String query = switch (owner.model()) {
            case CONTACT -> OF_CONTACT;
            case SALES_ORDER -> OF_ORDER;
            default -> OF_INVOICE;
        };
        return em.createNamedQuery(query, StoredFile.class)
                .setParameter(owner.model() == RecordModel.CONTACT ? "contact" : "owner", owner.id()).getResultList();
    }

    public UUID fileKey() {
        return fileKey;
    }

    public String name() {
        return name;
    }

    public String contentType() {
        return contentType;
    }

    public long size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    public int keyId() {
        return keyId;
    }

    public OffsetDateTime uploadedAt() {
        return uploadedAt;
    }

    public String uploadedBy() {
        return uploadedBy;
    }
}
