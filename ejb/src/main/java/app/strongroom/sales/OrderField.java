package app.strongroom.sales;

import app.strongroom.records.ListField;
import app.strongroom.records.RecordLists;
import app.strongroom.tenant.sales.OrderState;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

/** The order columns a list may be filtered and sorted by. */
public enum OrderField implements ListField {
    NUMBER, CUSTOMER, STATE, ORDER_DATE, TOTAL;

    @Override
    public Path<?> path(Root<?> root) {
        return switch (this) {
            case NUMBER -> root.get("id");
            case CUSTOMER -> root.get("customer").get("name");
            case STATE -> root.get("state");
            case ORDER_DATE -> root.get("orderDate");
            case TOTAL -> root.get("amountTotal");
        };
    }

    @Override
    public Predicate matching(CriteriaBuilder cb, Root<?> root, String typed) {
        String pattern = RecordLists.containsPattern(typed);
        return switch (this) {
            case CUSTOMER -> cb.like(cb.lower(root.get("customer").get("name")), pattern, '\\');
            case STATE -> RecordLists.stateContaining(cb, root, typed, OrderState.values());
            default -> cb.like(path(root).as(String.class), pattern, '\\');
        };
    }
}
