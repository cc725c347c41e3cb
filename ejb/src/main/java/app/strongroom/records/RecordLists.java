package app.strongroom.records;

import app.strongroom.tenant.access.AccessPolicy;
import app.strongroom.tenant.access.Operation;
import app.strongroom.tenant.access.QueryParameters;
import app.strongroom.tenant.access.RecordModel;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lists and counts a model's records under the caller's read right and read rules. The rules are part of the one
 * Criteria query, never applied to rows afterwards, so a page is full and a count is the count of what may be seen.
 */
public final class RecordLists {
    private RecordLists() {
    }

    public static <T, F extends ListField> List<T> list(EntityManager em, AccessPolicy policy, RecordModel model,
                                                        Class<T> type, ListRequest<F> request, F defaultSort) {
        policy.require(model, Operation.READ);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<T> query = cb.createQuery(type);
        Root<T> root = query.from(type);
        QueryParameters parameters = new QueryParameters();
        query.select(root).where(where(cb, root, policy, model, request.filters(), parameters));
        List<Order> order = new ArrayList<>();
        var sorted = request.sortBy().orElse(defaultSort).path(root);
        order.add(request.ascending() ? cb.asc(sorted) : cb.desc(sorted));
        order.add(cb.desc(root.get("id")));
        query.orderBy(order);
        return parameters.applyTo(em.createQuery(query)).setFirstResult(request.first())
                .setMaxResults(request.pageSize()).getResultList();
    }

    public static <F extends ListField> long count(EntityManager em, AccessPolicy policy, RecordModel model,
                                                   Map<F, String> filters) {
        policy.require(model, Operation.READ);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<?> root = query.from(model.entity());
        QueryParameters parameters = new QueryParameters();
        query.select(cb.count(root)).where(where(cb, root, policy, model, filters, parameters));
        return parameters.applyTo(em.createQuery(query)).getSingleResult();
    }

    private static <F extends ListField> Predicate where(CriteriaBuilder cb, Root<?> root, AccessPolicy policy,
                                                         RecordModel model, Map<F, String> filters,
                                                         QueryParameters parameters) {
        List<Predicate> all = new ArrayList<>();
        all.add(policy.restriction(model, Operation.READ, cb, root, parameters));
        filters.forEach((field, typed) -> {
            if (typed != null && !typed.isBlank()) {
                all.add(field.matching(cb, root, typed));
            }
        });
        return cb.and(all.toArray(Predicate[]::new));
    }

    /**
     * The records whose state (a name of {@code states}) contains what was typed, case aside: "conf" finds the
     * confirmed. The states are a closed set, so the match is made here and the query compares with the names found.
     */
    public static Predicate stateContaining(CriteriaBuilder cb, Root<?> root, String typed, Enum<?>[] states) {
        String wanted = typed.strip().toUpperCase(Locale.ROOT);
        Object[] matching = Arrays.stream(states).filter(s -> s.name().contains(wanted)).toArray();
        return matching.length == 0 ? cb.disjunction() : root.get("state").in(matching);
    }

    /** A LIKE pattern that matches {@code text} literally, lower case: the user's %, _ and \ are escaped. */
    public static String containsPattern(String text) {
        String escaped = text.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
