package app.strongroom.records;

import java.util.Map;
import java.util.Optional;

/** One page of a list: filters per field, an optional sort, the window. The page size is capped. */
public record ListRequest<F extends ListField>(Map<F, String> filters, Optional<F> sortBy, boolean ascending,
                                               int first, int pageSize) {
    public static final int MAX_PAGE_SIZE = 100;

    public ListRequest {
        filters = Map.copyOf(filters);
        if (first < 0) {
            throw new IllegalArgumentException("first must not be negative");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 1 and " + MAX_PAGE_SIZE);
        }
    }
}
