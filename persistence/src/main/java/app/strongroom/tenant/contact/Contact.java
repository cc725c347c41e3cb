package app.strongroom.tenant.contact;

import app.strongroom.common.EmailAddress;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** A person or company the tenant deals with. */
@Entity
@Table(name = "contact")
@NamedQuery(name = Contact.SALES_USES, query = "select count(o) from SalesOrder o where o.customer = :contact")
public class Contact {
    public static final String SALES_USES = "Contact.salesUses";
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String name;
    private String email;
    private String phone;
    private String company;
    private String city;
    private String notes;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;
    @Version
    private long version;

    protected Contact() {
    }

    public Contact(ContactDetails details) {
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        apply(details);
    }

    /** Replaces every editable field at once, so a contact is never left half-edited. */
    public final void apply(ContactDetails details) {
        this.name = details.name();
        this.email = details.email().map(EmailAddress::value).orElse(null);
        this.phone = details.phone();
        this.company = details.company();
        this.city = details.city();
        this.notes = details.notes();
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Whether {@code other} is this contact: the same object, or both stored under the same id. */
    public boolean isSameContact(Contact other) {
        return this == other || other != null && id != null && id.equals(other.id);
    }

    public ContactId id() {
        return new ContactId(id);
    }

    public ContactDetails details() {
        return new ContactDetails(name, email(), phone, company, city, notes);
    }

    public String name() {
        return name;
    }

    public Optional<EmailAddress> email() {
        return Optional.ofNullable(email).map(EmailAddress::new);
    }

    public String phone() {
        return phone;
    }

    public String company() {
        return company;
    }

    public String city() {
        return city;
    }

    public long version() {
        return version;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
