package app.strongroom.records;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

/**
 * A column a list may be filtered and sorted by: a closed set per model, so a request can never steer a query to an
 * attribute it does not name (P15).
 */
public interface ListField {
    /** The path sorted by. */
    Path<?> path(Root<?> root);

    /** The filter for the text a person typed into the column's filter box. */
    Predicate matching(CriteriaBuilder cb, Root<?> root, String typed);
}
