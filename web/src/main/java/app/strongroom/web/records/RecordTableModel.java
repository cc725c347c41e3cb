package app.strongroom.web.records;

import app.strongroom.records.ListField;
import app.strongroom.records.ListRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * Feeds a PrimeFaces table one page at a time from a service. Column names from the request are mapped onto the
 * service's closed set of fields; anything else is ignored.
 */
public class RecordTableModel<V, F extends Enum<F> & ListField> extends LazyDataModel<V> {
    private static final long serialVersionUID = 1L;

    private final transient Function<ListRequest<F>, List<V>> list;
    private final transient Function<Map<F, String>, Long> count;
    private final transient ToLongFunction<V> id;
    private final Class<F> fields;
    private boolean filtered;

    /** {@code list} and {@code count} are the service's; {@code fields} the closed set a column may name. */
    public RecordTableModel(Function<ListRequest<F>, List<V>> list, Function<Map<F, String>, Long> count,
                            Class<F> fields, ToLongFunction<V> id) {
        this.list = list;
        this.count = count;
        this.fields = fields;
        this.id = id;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        Map<F, String> filters = filters(filterBy);
        filtered = !filters.isEmpty();
        return Math.toIntExact(count.apply(filters));
    }

    /** Whether the rows last counted were narrowed by a filter, so an empty table says so. */
    public boolean isFiltered() {
        return filtered;
    }

    @Override
    public List<V> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        Optional<SortMeta> sort = sortBy.values().stream().filter(s -> s.getOrder() != SortOrder.UNSORTED).findFirst();
        boolean ascending = sort.map(s -> s.getOrder() != SortOrder.DESCENDING).orElse(false);
        int size = Math.min(Math.max(pageSize, 1), ListRequest.MAX_PAGE_SIZE);
        return list.apply(new ListRequest<>(filters(filterBy), sort.flatMap(s -> field(s.getField())), ascending,
                Math.max(first, 0), size));
    }

    @Override
    public String getRowKey(V row) {
        return Long.toString(id.applyAsLong(row));
    }

    private Map<F, String> filters(Map<String, FilterMeta> filterBy) {
        Map<F, String> filters = new HashMap<>();
        filterBy.values().forEach(meta -> field(meta.getField()).ifPresent(f -> {
            Object value = meta.getFilterValue();
            if (value != null && !value.toString().isBlank()) {
                filters.put(f, value.toString());
            }
        }));
        return filters;
    }

    private Optional<F> field(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(fields, name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
