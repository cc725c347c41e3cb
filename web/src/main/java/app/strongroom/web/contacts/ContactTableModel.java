package app.strongroom.web.contacts;

import app.strongroom.contacts.ContactQuery;
import app.strongroom.contacts.ContactService;
import app.strongroom.contacts.ContactView;
import app.strongroom.tenant.contact.ContactField;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * Feeds the PrimeFaces table one page at a time from {@link ContactService}. Column names from the request are
 * mapped onto the closed {@link ContactField} set; anything else is ignored.
 */
public class ContactTableModel extends LazyDataModel<ContactView> {
    private static final long serialVersionUID = 1L;

    private final transient ContactService contacts;
    private boolean filtered;

    public ContactTableModel(ContactService contacts) {
        this.contacts = contacts;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        Map<ContactField, String> filters = filters(filterBy);
        filtered = !filters.isEmpty();
        return Math.toIntExact(contacts.count(filters));
    }

    /** Whether the rows last counted were narrowed by a filter: an empty table then says so, not "no contacts yet". */
    public boolean isFiltered() {
        return filtered;
    }

    @Override
    public List<ContactView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        Optional<SortMeta> sort = sortBy.values().stream().filter(s -> s.getOrder() != SortOrder.UNSORTED).findFirst();
        Optional<ContactField> sortField = sort.flatMap(s -> field(s.getField()));
        boolean ascending = sort.map(s -> s.getOrder() != SortOrder.DESCENDING).orElse(true);
        int size = Math.min(Math.max(pageSize, 1), ContactQuery.MAX_PAGE_SIZE);
        return contacts.list(new ContactQuery(filters(filterBy), sortField, ascending, Math.max(first, 0), size));
    }

    @Override
    public String getRowKey(ContactView contact) {
        return Long.toString(contact.id());
    }

    private static Map<ContactField, String> filters(Map<String, FilterMeta> filterBy) {
        Map<ContactField, String> filters = new EnumMap<>(ContactField.class);
        filterBy.values().forEach(meta -> field(meta.getField()).ifPresent(f -> {
            Object value = meta.getFilterValue();
            if (value != null && !value.toString().isBlank()) {
                filters.put(f, value.toString());
            }
        }));
        return filters;
    }

    private static Optional<ContactField> field(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ContactField.valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
