package app.strongroom.web.api.v1;

import app.strongroom.records.ListField;
import app.strongroom.records.ListRequest;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The query of a list request, checked: {@code first}, {@code size}, {@code sort}, {@code order}, and a filter per
 * field named as the field ({@code city=lyon}). Anything else is refused with 400 rather than ignored, so a typo in a
 * filter never answers the whole list.
 */
final class ListParameters {
    static final int DEFAULT_SIZE = 20;

    private ListParameters() {
    }

    /** A list query that is not one: answered 400 with the sentence, which names what is allowed. */
    public static class InvalidQuery extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidQuery(String sentence) {
            super(sentence);
        }
    }

    /** A checked list query; {@link #request()} gives it as the services take it. */
    record Query<F extends Enum<F>>(Map<F, String> filters, Optional<F> sort, boolean ascending, int first, int size) {
        <L extends Enum<L> & ListField> ListRequest<L> request(Class<L> type) {
            Map<L, String> typed = new HashMap<>();
            filters.forEach((field, value) -> typed.put(type.cast(field), value));
            return new ListRequest<>(typed, sort.map(type::cast), ascending, first, size);
        }
    }

    static <F extends Enum<F>> Query<F> parse(MultivaluedMap<String, String> query, Class<F> fields) {
        Map<F, String> filters = new HashMap<>();
        Optional<F> sort = Optional.empty();
        boolean ascending = true;
        int first = 0;
        int size = DEFAULT_SIZE;
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (parameter.getValue().size() != 1) {
                throw new InvalidQuery("Give '" + parameter.getKey() + "' once.");
            }
            String value = parameter.getValue().get(0);
            switch (parameter.getKey()) {
                case "first" -> first = number("first", value, 0, Integer.MAX_VALUE);
                case "size" -> size = number("size", value, 1, ListRequest.MAX_PAGE_SIZE);
                case "sort" -> sort = Optional.of(field(fields, value).orElseThrow(() -> new InvalidQuery(
                        "Sort by one of " + names(fields) + ".")));
                case "order" -> ascending = switch (value) {
                    case "asc" -> true;
                    case "desc" -> false;
                    default -> throw new InvalidQuery("'order' is asc or desc.");
                };
                default -> filters.put(field(fields, parameter.getKey()).orElseThrow(() -> new InvalidQuery(
                        "Unknown parameter '" + parameter.getKey() + "': filter by one of " + names(fields)
                                + ", page with first and size, sort with sort and order.")), value);
            }
        }
        return new Query<>(filters, sort, ascending, first, size);
    }

    static int number(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // Said below, as for a number out of range.
        }
        throw new InvalidQuery("'" + name + "' must be a whole number from " + min + " to " + max + ".");
    }

    /** The field's API name: its constant in lower camel case ({@code ORDER_DATE} is {@code orderDate}). */
    static String apiName(Enum<?> field) {
        String[] words = field.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    private static <F extends Enum<F>> Optional<F> field(Class<F> fields, String name) {
        return Arrays.stream(fields.getEnumConstants()).filter(f -> apiName(f).equals(name)).findFirst();
    }

    private static String names(Class<? extends Enum<?>> fields) {
        return Arrays.stream(fields.getEnumConstants()).map(ListParameters::apiName).collect(Collectors.joining(", "));
    }
}
