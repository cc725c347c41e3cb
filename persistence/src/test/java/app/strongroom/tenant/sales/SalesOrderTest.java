package app.strongroom.tenant.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.common.InvalidValue;
import app.strongroom.tenant.company.Company;
import app.strongroom.tenant.contact.Contact;
import app.strongroom.tenant.contact.ContactDetails;
import app.strongroom.tenant.invoice.Invoice;
import app.strongroom.tenant.invoice.InvoiceState;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order's and invoice's states, moves and amounts, as the entities keep them. */
class SalesOrderTest {
    private static final Company EUR = new Company("Main", "EUR");
    private static final Company JPY = new Company("Tokyo", "JPY");
    private static final Contact CUSTOMER = new Contact(ContactDetails.of("Customer", null, null, null, null));
    private static final Product WIDGET = new Product(new ProductDetails("Widget", "W-1", new BigDecimal("19.99"),
            new BigDecimal("20"), true), null);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    private static SalesOrder orderWith(String quantity, String discount) {
        SalesOrder order = new SalesOrder(CUSTOMER, EUR, DAY);
        order.replaceLines(List.of(PricedLine.of(WIDGET, new LineInput(1, new BigDecimal(quantity), null,
                discount == null ? null : new BigDecimal(discount)), EUR)));
        return order;
    }

    @Test
    void linesAreRoundedToTheCurrencyAndSummed() {
        SalesOrder order = orderWith("3", "12.5");
        // 3 x 19.99 = 59.97, less 12.5 % = 52.47375 -> 52.47; tax 20 % = 10.494 -> 10.49
        assertThat(order.totals()).isEqualTo(new Totals(new BigDecimal("52.47"), new BigDecimal("10.49"),
                new BigDecimal("62.96")));
        SalesOrder yen = new SalesOrder(CUSTOMER, JPY, DAY);
        yen.replaceLines(List.of(PricedLine.of(WIDGET, new LineInput(1, new BigDecimal("1"), new BigDecimal("1005"),
                null), JPY)));
        assertThat(yen.totals().total()).isEqualTo(new BigDecimal("1206"));
    }

    @Test
    void anOrderMovesOnlyAlongItsStates() {
        SalesOrder order = orderWith("1", null);
        order.send();
        order.confirm();
        assertThat(order.state()).isEqualTo(OrderState.CONFIRMED);
        assertThatThrownBy(order::send).isInstanceOf(StateMoveRefused.class)
                .extracting(e -> ((StateMoveRefused) e).reason()).isEqualTo("order.refused.send");
        assertThatThrownBy(() -> order.replaceLines(List.of())).isInstanceOf(StateMoveRefused.class);
        assertThatThrownBy(() -> order.changeHeader(CUSTOMER, DAY, "late")).isInstanceOf(StateMoveRefused.class);
        order.cancel();
        assertThatThrownBy(order::confirm).isInstanceOf(StateMoveRefused.class);
        assertThatThrownBy(order::cancel).isInstanceOf(StateMoveRefused.class);
        assertThatThrownBy(() -> order.assign(null, null)).isInstanceOf(StateMoveRefused.class);
    }

    @Test
    void onlyASentOrderAwaitsTheCustomerAndRevokingRaisesItsLinkGeneration() {
        SalesOrder order = orderWith("1", null);
        assertThat(order.awaitsCustomer()).isFalse();
        assertThat(order.portalGeneration()).isZero();
        order.send();
        assertThat(order.awaitsCustomer()).isTrue();
        order.revokePortalLinks();
        order.revokePortalLinks();
        assertThat(order.portalGeneration()).isEqualTo(2);
        order.confirm();
        assertThat(order.awaitsCustomer()).isFalse();
    }

    @Test
    void aNewCustomerVoidsTheLinksMailedToThePreviousOne() {
        SalesOrder order = orderWith("1", null);
        order.send();
        order.changeHeader(CUSTOMER, DAY.plusDays(1), "same customer");
        assertThat(order.portalGeneration()).isZero();
        Contact other = new Contact(ContactDetails.of("Other customer", null, null, null, null));
        order.changeHeader(other, DAY, null);
        assertThat(order.customer()).isSameAs(other);
        assertThat(order.portalGeneration()).isEqualTo(1);
    }

    @Test
    void anOrderWithoutLinesIsNotConfirmed() {
        SalesOrder empty = new SalesOrder(CUSTOMER, EUR, DAY);
        assertThatThrownBy(empty::confirm).isInstanceOf(StateMoveRefused.class)
                .extracting(e -> ((StateMoveRefused) e).reason()).isEqualTo("order.refused.empty");
        assertThat(empty.state()).isEqualTo(OrderState.QUOTATION);
    }

    @Test
    void badLineValuesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> orderWith("0", null)).isInstanceOf(InvalidValue.class)
                .extracting(e -> ((InvalidValue) e).field()).isEqualTo("quantity");
        assertThatThrownBy(() -> orderWith("1", "100.5")).isInstanceOf(InvalidValue.class)
                .extracting(e -> ((InvalidValue) e).field()).isEqualTo("discount");
        assertThatThrownBy(() -> orderWith("1.0001", null)).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("decimals");
        assertThatThrownBy(() -> new Product(new ProductDetails("X", "bad code!", BigDecimal.ONE, BigDecimal.ONE,
                true), null)).isInstanceOf(InvalidValue.class).extracting(e -> ((InvalidValue) e).field())
                .isEqualTo("code");
        assertThatThrownBy(() -> new Company("Bahrain", "BHD")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new Company("Nowhere", "XYZ")).isInstanceOf(InvalidValue.class);
    }

    @Test
    void anInvoiceIsMadeOnlyFromAConfirmedOrderAndCopiesItsAmounts() {
        SalesOrder order = orderWith("2", null);
        assertThatThrownBy(() -> Invoice.of(order, DAY)).isInstanceOf(StateMoveRefused.class);
        order.confirm();
        Invoice invoice = Invoice.of(order, DAY);
        assertThat(order.state()).isEqualTo(OrderState.INVOICED);
        assertThat(invoice.totals()).isEqualTo(order.totals());
        assertThat(invoice.dueDate()).isEqualTo(DAY.plusDays(Invoice.DEFAULT_TERM_DAYS));
        assertThatThrownBy(() -> Invoice.of(order, DAY)).isInstanceOf(StateMoveRefused.class);
    }

    @Test
    void anInvoiceMovesDraftPostedPaidAndAPostedOnesLinesAreFixed() {
        SalesOrder order = orderWith("2", null);
        order.confirm();
        Invoice invoice = Invoice.of(order, DAY);
        invoice.post(Instant.EPOCH);
        assertThatThrownBy(() -> invoice.replaceLines(List.of())).isInstanceOf(StateMoveRefused.class)
                .extracting(e -> ((StateMoveRefused) e).reason()).isEqualTo("invoice.refused.frozen");
        assertThatThrownBy(() -> invoice.changeDates(DAY, DAY)).isInstanceOf(StateMoveRefused.class);
        invoice.markPaid(Instant.EPOCH);
        assertThat(invoice.state()).isEqualTo(InvoiceState.PAID);
        assertThatThrownBy(invoice::cancel).isInstanceOf(StateMoveRefused.class);
    }

    @Test
    void postingACancelledInvoiceIsRefusedAndCancellingReopensTheOrder() {
        SalesOrder order = orderWith("2", null);
        order.confirm();
        Invoice invoice = Invoice.of(order, DAY);
        invoice.cancel();
        assertThat(order.state()).isEqualTo(OrderState.CONFIRMED);
        assertThatThrownBy(() -> invoice.post(Instant.EPOCH)).isInstanceOf(StateMoveRefused.class)
                .extracting(e -> ((StateMoveRefused) e).reason()).isEqualTo("invoice.refused.post");
        assertThatThrownBy(() -> invoice.markPaid(Instant.EPOCH)).isInstanceOf(StateMoveRefused.class);
        assertThat(invoice.state()).isEqualTo(InvoiceState.CANCELLED);
    }

    /** Rounding 1E-100000000 to two decimals would compute 10^99999998 (over a minute of CPU per request). */
    @Test
    void aValueWithAnAbsurdExponentIsRefusedBeforeAnyArithmetic() {
        for (String absurd : List.of("1E-100000000", "1E+100000000", "-1E-50")) {
            assertThatThrownBy(() -> Product.unitPrice(new BigDecimal(absurd))).as(absurd)
                    .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.getMessage()).startsWith(
                            "unit price must be between 0 and"));
            assertThatThrownBy(() -> new LineAmounts("line", BigDecimal.ONE, BigDecimal.TEN, new BigDecimal(absurd),
                    new BigDecimal("20"), EUR)).as("a discount of " + absurd).isInstanceOfSatisfying(
                            InvalidValue.class, e -> assertThat(e.getMessage()).startsWith("discount must be between"));
        }
        assertThat(Product.unitPrice(new BigDecimal("1.50000000000000000000"))).isEqualByComparingTo("1.5");
    }
}
