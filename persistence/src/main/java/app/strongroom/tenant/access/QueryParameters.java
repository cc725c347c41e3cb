package app.strongroom.tenant.access;

import jakarta.persistence.Parameter;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.ParameterExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The values a compiled rule compares with, each a bound parameter of the query: a literal or a variable never
 * becomes query text (P15).
 */
public final class QueryParameters {
    private final List<Bound<?>> bound = new ArrayList<>();

    <T> ParameterExpression<T> bind(CriteriaBuilder cb, Class<T> type, T value) {
        ParameterExpression<T> parameter = cb.parameter(type, "rule" + bound.size());
        bound.add(new Bound<>(parameter, value));
        return parameter;
    }

    /**
     * Sets every bound value on {@code query}, which was built from the same criteria. A parameter the query no
     * longer holds (the provider folded away a branch such as {@code false and ...}) is left out.
     */
    public <Q extends TypedQuery<?>> Q applyTo(Q query) {
        Set<String> held = query.getParameters().stream().map(Parameter::getName).collect(Collectors.toSet());
        bound.stream().filter(b -> held.contains(b.parameter().getName())).forEach(b -> b.applyTo(query));
        return query;
    }

    private record Bound<T>(ParameterExpression<T> parameter, T value) {
        void applyTo(TypedQuery<?> query) {
            query.setParameter(parameter, value);
        }
    }
}
