package app.strongroom.contacts;

import app.strongroom.files.FileStore;
import app.strongroom.identity.Role;
import app.strongroom.records.RecordLists;
import app.strongroom.tenancy.TenantData;
import app.strongroom.tenant.access.AccessPolicy;
import app.strongroom.tenant.access.Operation;
import app.strongroom.tenant.access.QueryParameters;
import app.strongroom.tenant.access.RecordModel;
import app.strongroom.tenant.contact.Contact;
import app.strongroom.tenant.contact.ContactDetails;
import app.strongroom.tenant.contact.ContactField;
import app.strongroom.tenant.contact.ContactId;
import app.strongroom.tenant.defaults.DefaultField;
import app.strongroom.tenant.defaults.Defaults;
import app.strongroom.tenant.file.StoredFile;
import app.strongroom.tenant.sales.StateMoveRefused;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The contacts of the caller's tenant, under the contact rights and record rules (P20): without the right a call
 * throws {@link app.strongroom.tenant.access.AccessRefused}; a contact outside the rules is not found.
 */
@Stateless
@RolesAllowed(Role.Names.TENANT_USER)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ContactService {
    private static final RecordModel MODEL = RecordModel.CONTACT;

    @Inject
    TenantData tenantData;
    @Inject
    FileStore fileStore;

    public List<ContactView> list(ContactQuery query) {
        return tenantData.underRules((em, policy) -> {
            policy.require(MODEL, Operation.READ);
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Contact> cq = cb.createQuery(Contact.class);
            Root<Contact> contact = cq.from(Contact.class);
            QueryParameters parameters = new QueryParameters();
            cq.where(cb.and(matching(cb, contact, query.filters()),
                    policy.restriction(MODEL, Operation.READ, cb, contact, parameters)));
            Expression<?> order = query.sortBy().<Expression<?>>map(f -> cb.lower(contact.get(f.attribute())))
                    .orElse(cb.lower(contact.get(ContactField.NAME.attribute())));
            cq.orderBy(query.ascending() ? cb.asc(order) : cb.desc(order), cb.asc(contact.get("id")));
            return parameters.applyTo(em.createQuery(cq)).setFirstResult(query.first())
                    .setMaxResults(query.pageSize()).getResultStream().map(ContactView::of).toList();
        });
    }

    public long count(Map<ContactField, String> filters) {
        return tenantData.underRules((em, policy) -> {
            policy.require(MODEL, Operation.READ);
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Long> cq = cb.createQuery(Long.class);
            Root<Contact> contact = cq.from(Contact.class);
            QueryParameters parameters = new QueryParameters();
            cq.select(cb.count(contact)).where(cb.and(matching(cb, contact, filters),
                    policy.restriction(MODEL, Operation.READ, cb, contact, parameters)));
            return parameters.applyTo(em.createQuery(cq)).getSingleResult();
        });
    }

    public Optional<ContactView> find(ContactId id) {
        return tenantData.underRules((em, policy) -> policy.find(em, Contact.class, MODEL, Operation.READ, id.value())
                .map(ContactView::of));
    }

    /** A new contact, as typed (its form opened with the defaults already). */
    public ContactId create(ContactDetails details) {
        return tenantData.underRules((em, policy) -> create(em, policy, details));
    }

    /** A new contact whose company or city, left empty, take the tenant's computed defaults first. */
    public ContactId createWithDefaults(ContactDetails details) {
        return tenantData.underRules((em, policy) -> {
            policy.require(MODEL, Operation.CREATE);
            Defaults defaults = Defaults.of(em, MODEL, policy.user());
            return create(em, policy, new ContactDetails(details.name(), details.email(), details.phone(),
                    details.company() != null ? details.company()
                            : defaults.text(DefaultField.CONTACT_COMPANY).orElse(null),
                    details.city() != null ? details.city() : defaults.text(DefaultField.CONTACT_CITY).orElse(null),
                    details.notes()));
        });
    }

    private static ContactId create(EntityManager em, AccessPolicy policy, ContactDetails details) {
        policy.require(MODEL, Operation.CREATE);
        Contact contact = new Contact(details);
        em.persist(contact);
        em.flush();
        policy.requireInside(em, MODEL, Operation.CREATE, contact.id().value());
        return contact.id();
    }

    /** Applies {@code details} if the contact is still at {@code version}. */
    public ContactChange update(ContactId id, long version, ContactDetails details) {
        return tenantData.underRules((em, policy) -> {
            Optional<Contact> contact = policy.find(em, Contact.class, MODEL, Operation.WRITE, id.value());
            if (contact.isEmpty()) {
                return new ContactChange.NotFound();
            }
            if (contact.get().version() != version) {
                return new ContactChange.Stale();
            }
            contact.get().apply(details);
            policy.requireInside(em, MODEL, Operation.WRITE, id.value());
            return new ContactChange.Done();
        });
    }

    /** Deletes the contact with its attached files: rows with it, contents once it is gone. */
    public ContactChange delete(ContactId id) {
        List<UUID> files = new ArrayList<>();
        ContactChange change = tenantData.underRules((em, policy) -> {
            Optional<Contact> contact = policy.find(em, Contact.class, MODEL, Operation.DELETE, id.value());
            if (contact.isEmpty()) {
                return new ContactChange.NotFound();
            }
            if (em.createNamedQuery(Contact.SALES_USES, Long.class).setParameter("contact", contact.get())
                    .getSingleResult() > 0) {
                throw new StateMoveRefused("contact.refused.used",
                        "a customer of orders stays");
            }
            em.createNamedQuery(StoredFile.OF_CONTACT, StoredFile.class).setParameter("contact", id.value())
                    .getResultStream().forEach(f -> {
                        files.add(f.fileKey());
                        em.remove(f);
                    });
            em.remove(contact.get());
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
            all = cb.and(all, cb.like(column, RecordLists.containsPattern(filter.getValue()), '\\'));
        }
        return all;
    }
}
