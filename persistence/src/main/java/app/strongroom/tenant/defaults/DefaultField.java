package app.strongroom.tenant.defaults;

import app.strongroom.common.InvalidValue;
import app.strongroom.common.Require;
import app.strongroom.tenant.access.RecordModel;
import app.strongroom.tenant.contact.ContactDetails;
import app.strongroom.tenant.rules.expression.Computed;
import app.strongroom.tenant.rules.expression.Expression;
import app.strongroom.tenant.rules.expression.ExpressionError;
import app.strongroom.tenant.rules.expression.FieldType;
import app.strongroom.tenant.rules.expression.FieldType.Reference;
import app.strongroom.tenant.rules.expression.FieldType.Scalar;
import app.strongroom.tenant.rules.expression.Schema;
import app.strongroom.tenant.sales.Product;
import app.strongroom.tenant.sales.SalesOrder;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The fields a tenant may give a computed default, each with the type every value of its default must have and the
 * limits its record puts on it. A closed set: a default reaches a record only through the service that makes it, which
 * asks for exactly these.
 */
public enum DefaultField {
    CONTACT_CITY(RecordModel.CONTACT, "city", Scalar.TEXT,
            value -> Require.optionalText("city", (String) value, ContactDetails.CITY_MAX)),
    CONTACT_COMPANY(RecordModel.CONTACT, "company_name", Scalar.TEXT,
            value -> Require.optionalText("company", (String) value, ContactDetails.COMPANY_MAX)),
    PRODUCT_UNIT_PRICE(RecordModel.PRODUCT, "unit_price", Scalar.NUMBER,
            value -> Product.unitPrice((BigDecimal) value)),
    PRODUCT_TAX_RATE(RecordModel.PRODUCT, "tax_rate", Scalar.NUMBER, value -> Product.taxRate((BigDecimal) value)),
    PRODUCT_ACTIVE(RecordModel.PRODUCT, "active", Scalar.BOOLEAN, value -> {
    }),
    ORDER_DATE(RecordModel.SALES_ORDER, "order_date", Scalar.DATE, value -> {
    }),
    ORDER_SALESPERSON(RecordModel.SALES_ORDER, "salesperson", new Reference(Schema.USER), value -> {
    }),
    ORDER_TEAM(RecordModel.SALES_ORDER, "team", new Reference(Schema.GROUP), value -> {
    }),
    ORDER_NOTE(RecordModel.SALES_ORDER, "note", Scalar.TEXT,
            value -> Require.optionalText("note", (String) value, SalesOrder.NOTE_MAX)),
    INVOICE_DUE_DATE(RecordModel.INVOICE, "due_date", Scalar.DATE, value -> {
        if (value instanceof Integer days && days < 0) {
            throw new InvalidValue("due date", "must not be before the invoice date, which is today");
        }
    });

    private final RecordModel model;
    private final String field;
    private final FieldType type;
    /** The record's own limits on a literal value (an Integer: days from today), throwing {@link InvalidValue}. */
    private final Consumer<Object> limits;

    DefaultField(RecordModel model, String field, FieldType type, Consumer<Object> limits) {
        this.model = model;
        this.field = field;
        this.type = type;
        this.limits = limits;
    }

    public static Optional<DefaultField> of(String model, String field) {
        return Arrays.stream(values()).filter(d -> d.model.modelName().equals(model) && d.field.equals(field))
                .findFirst();
    }

    public RecordModel model() {
        return model;
    }

    /** The field's name as expressions and the administrator's page name it. */
    public String field() {
        return field;
    }

    public FieldType type() {
        return type;
    }

    /**
     * Holds every literal value {@code computed} can give to this field's limits, so a default that could only fail
     * when a record is made (a city longer than a city may be, a negative price) is refused when it is written.
     *
     * @throws ExpressionError at the value that breaks a limit
     */
    public void checkLimits(Computed computed) {
        if (computed instanceof Computed.Conditional conditional) {
            checkLimits(conditional.then());
            checkLimits(conditional.otherwise());
            return;
        }
        Expression.Operand operand = ((Computed.Value) computed).operand();
        Object literal = operand instanceof Expression.Text text ? text.value()
                : operand instanceof Expression.Number number && !(type instanceof Reference) ? number.value()
                : operand instanceof Expression.DaysFromToday days ? Integer.valueOf(days.days()) : null;
        if (literal == null) {
            return;
        }
        try {
            limits.accept(literal);
        } catch (InvalidValue broken) {
            throw new ExpressionError(operand.position(), broken.getMessage());
        }
    }
}
