package app.strongroom.contacts;

import app.strongroom.tenant.contact.ContactField;
import java.util.Map;
import java.util.Optional;

/**
 * One page of the contact list: substring filters per field (case-insensitive), an optional sort and the window.
 * Fields are a closed set, and the page size is capped, so a request cannot ask for more than a page.
 */
public record ContactQuery(Map<ContactField, String> filters, Optional<ContactField> sortBy, boolean ascending,
                           int first, int pageSize) {
    public static final int MAX_PAGE_SIZE = 100;

    public ContactQuery {
        filters = Map.copyOf(filters);
        if (first < 0) {
            throw new IllegalArgumentException("first must not be negative");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 1 and " + MAX_PAGE_SIZE);
        }
    }
}
