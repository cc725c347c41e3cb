package app.strongroom.contacts;

import app.strongroom.files.FileStore;
import app.strongroom.identity.Role;
import app.strongroom.tenancy.TenantData;
import app.strongroom.tenant.contact.Contact;
import app.strongroom.tenant.contact.ContactDetails;
import app.strongroom.tenant.contact.ContactField;
import app.strongroom.tenant.contact.ContactId;
import app.strongroom.tenant.file.StoredFile;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The contacts of the caller's tenant. */
@Stateless
@RolesAllowed(Role.Names.TENANT_USER)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ContactService {
    @Inject
    TenantData tenantData;
    @Inject
    FileStore fileStore;

    public List<ContactView> list(ContactQuery query) {
        return tenantData.inTransaction(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Contact> cq = cb.createQuery(Contact.class);
            Root<Contact> contact = cq.from(Contact.class);
            cq.where(matching(cb, contact, query.filters()));
            Expression<?> order = query.sortBy().<Expression<?>>map(f -> cb.lower(contact.get(f.attribute())))
                    .orElse(cb.lower(contact.get(ContactField.NAME.attribute())));
            cq.orderBy(query.ascending() ? cb.asc(order) : cb.desc(order), cb.asc(contact.get("id")));
            return em.createQuery(cq).setFirstResult(query.first()).setMaxResults(query.pageSize())
                    .getResultStream().map(ContactView::of).toList();
        });
    }

    public long count(Map<ContactField, String> filters) {
        return tenantData.inTransaction(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Long> cq = cb.createQuery(Long.class);
            Root<Contact> contact = cq.from(Contact.class);
            cq.select(cb.count(contact)).where(matching(cb, contact, filters));
            return em.createQuery(cq).getSingleResult();
        });
    }

    public Optional<ContactView> find(ContactId id) {
        return tenantData.inTransaction(em -> Optional.ofNullable(em.find(Contact.class, id.value())).map(ContactView::of));
    }

    public ContactId create(ContactDetails details) {
        return tenantData.inTransaction(em -> {
            Contact contact = new Contact(details);
            em.persist(contact);
            em.flush();
            return contact.id();
        });
    }

    /** Applies {@code details} if the contact is still at {@code version}. */
    public ContactChange update(ContactId id, long version, ContactDetails details) {
        return tenantData.inTransaction(em -> {
            Contact contact = em.find(Contact.class, id.value());
            if (contact == null) {
                return new ContactChange.NotFound();
            }
            if (contact.version() != version) {
                return new ContactChange.Stale();
            }
            contact.apply(details);
            return new ContactChange.Done();
        });
    }

    /** Deletes the contact with its attached files: rows with it, contents once it is gone. */
    public ContactChange delete(ContactId id) {
        List<java.util.UUID> files = new java.util.ArrayList<>();
        ContactChange change = tenantData.inTransaction(em -> {
            Contact contact = em.find(Contact.class, id.value());
            if (contact == null) {
                return new ContactChange.NotFound();
            }
            em.createNamedQuery(StoredFile.OF_CONTACT, StoredFile.class).setParameter("contact", id.value())
                    .getResultStream().forEach(f -> {
                        files.add(f.fileKey());
                        em.remove(f);
                    });
            em.remove(contact);
            return new ContactChange.Done();
        });
        files.forEach(key -> fileStore.discard(tenantData.caller().tenant(), key));
        return change;
    }

    private static Predicate matching(CriteriaBuilder cb, Root<Contact> contact, Map<ContactField, String> filters) {
        Predicate all = cb.conjunction();
        for (Map.Entry<ContactField, String> filter : filters.entrySet()) {
            if (filter.getValue() == null || filter.getValue().isBlank()) {
                continue;
            }
            Expression<String> column = cb.lower(contact.get(filter.getKey().attribute()));
            all = cb.and(all, cb.like(column, containsPattern(filter.getValue()), '\\'));
        }
        return all;
    }

    /** A LIKE pattern that matches the text literally: the user's %, _ and \ are escaped. */
    static String containsPattern(String text) {
        String escaped = text.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
