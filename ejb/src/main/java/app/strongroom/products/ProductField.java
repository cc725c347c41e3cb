package app.strongroom.products;

import app.strongroom.records.ListField;
import app.strongroom.records.RecordLists;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

/** The product columns a list may be filtered and sorted by. */
public enum ProductField implements ListField {
    NAME("name"), CODE("code"), UNIT_PRICE("unitPrice");

    private final String attribute;

    ProductField(String attribute) {
        this.attribute = attribute;
    }

    @Override
    public Path<?> path(Root<?> root) {
        return root.get(attribute);
    }

    @Override
    public Predicate matching(CriteriaBuilder cb, Root<?> root, String typed) {
        if (this == UNIT_PRICE) {
            return cb.like(root.get(attribute).as(String.class), RecordLists.containsPattern(typed), '\\');
        }
        return cb.like(cb.lower(root.get(attribute)), RecordLists.containsPattern(typed), '\\');
    }
}
