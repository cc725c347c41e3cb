package app.strongroom.web.api.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.records.ListRequest;
import app.strongroom.sales.OrderField;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListParametersTest {
    @Test
    void pagingSortingAndAFilterPerFieldNamedAsTheField() {
        ListRequest<OrderField> request = ListParameters.parse(query(Map.of("first", "40", "size", "100",
                "sort", "orderDate", "order", "desc", "customer", "acme", "state", "conf")), OrderField.class)
                .request(OrderField.class);
        assertThat(request.first()).isEqualTo(40);
        assertThat(request.pageSize()).isEqualTo(100);
        assertThat(request.sortBy()).contains(OrderField.ORDER_DATE);
        assertThat(request.ascending()).isFalse();
        assertThat(request.filters()).containsExactlyInAnyOrderEntriesOf(Map.of(OrderField.CUSTOMER, "acme",
                OrderField.STATE, "conf"));
    }

    @Test
    void nothingAskedIsTheFirstPageOfTwentyInTheServicesOrder() {
        ListParameters.Query<OrderField> query = ListParameters.parse(query(Map.of()), OrderField.class);
        assertThat(query.first()).isZero();
        assertThat(query.size()).isEqualTo(ListParameters.DEFAULT_SIZE);
        assertThat(query.sort()).isEqualTo(Optional.empty());
        assertThat(query.filters()).isEmpty();
    }

    @Test
    void anUnknownParameterABadNumberOrSortOrARepeatedParameterIsRefusedNotIgnored() {
        for (Map<String, String> bad : new Map[] {Map.of("size", "0"), Map.of("size", "101"), Map.of("first", "-1"),
                Map.of("first", "abc"), Map.of("size", "1e3"), Map.of("sort", "amountTotal"),
                Map.of("sort", "getClass"), Map.of("order", "up"), Map.of("custmer", "acme"),
                Map.of("class", "x"), Map.of("ORDER_DATE", "2026")}) {
            assertThatThrownBy(() -> ListParameters.parse(query(bad), OrderField.class)).as(bad.toString())
                    .isInstanceOf(ListParameters.InvalidQuery.class);
        }
        MultivaluedMap<String, String> twice = new MultivaluedHashMap<>();
        twice.add("customer", "a");
        twice.add("customer", "b");
        assertThatThrownBy(() -> ListParameters.parse(twice, OrderField.class))
                .isInstanceOf(ListParameters.InvalidQuery.class)
                .hasMessageContaining("once");
    }

    @Test
    void fieldsAreNamedInLowerCamelCase() {
        assertThat(ListParameters.apiName(OrderField.ORDER_DATE)).isEqualTo("orderDate");
        assertThat(ListParameters.apiName(OrderField.NUMBER)).isEqualTo("number");
    }

    private static MultivaluedMap<String, String> query(Map<String, String> values) {
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        values.forEach(query::add);
        return query;
    }
}
