package app.strongroom.invoices;

import app.strongroom.records.ListField;
import app.strongroom.records.RecordLists;
import app.strongroom.tenant.invoice.InvoiceState;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

/** The invoice columns a list may be filtered and sorted by. */
public enum InvoiceField implements ListField {
    NUMBER, CUSTOMER, STATE, INVOICE_DATE, DUE_DATE, TOTAL;

    @Override
    public Path<?> path(Root<?> root) {
        return switch (this) {
            case NUMBER -> root.get("id");
            case CUSTOMER -> root.get("customer").get("name");
            case STATE -> root.get("state");
            case INVOICE_DATE -> root.get("invoiceDate");
            case DUE_DATE -> root.get("dueDate");
            case TOTAL -> root.get("amountTotal");
        };
    }

    @Override
    public Predicate matching(CriteriaBuilder cb, Root<?> root, String typed) {
        String pattern = RecordLists.containsPattern(typed);
        if (this == CUSTOMER) {
            return cb.like(cb.lower(root.get("customer").get("name")), pattern, '\\');
        }
        if (this == STATE) {
            return RecordLists.stateContaining(cb, root, typed, InvoiceState.values());
        }
        return cb.like(path(root).as(String.class), pattern, '\\');
    }
}
