package app.strongroom.tenant.defaults;

import app.strongroom.tenant.access.RecordModel;
import app.strongroom.tenant.rules.expression.FieldType;
import app.strongroom.tenant.rules.expression.FieldType.Reference;
import app.strongroom.tenant.rules.expression.FieldType.Scalar;
import app.strongroom.tenant.rules.expression.Schema;
import java.util.Arrays;
import java.util.Optional;

/**
 * The fields a tenant may give a computed default, each with the type every value of its default must have. A closed
 * set: a default reaches a record only through the service that makes it, which asks for exactly these.
 */
public enum DefaultField {
    CONTACT_CITY(RecordModel.CONTACT, "city", Scalar.TEXT),
    CONTACT_COMPANY(RecordModel.CONTACT, "company_name", Scalar.TEXT),
    PRODUCT_UNIT_PRICE(RecordModel.PRODUCT, "unit_price", Scalar.NUMBER),
    PRODUCT_TAX_RATE(RecordModel.PRODUCT, "tax_rate", Scalar.NUMBER),
    PRODUCT_ACTIVE(RecordModel.PRODUCT, "active", Scalar.BOOLEAN),
    ORDER_DATE(RecordModel.SALES_ORDER, "order_date", Scalar.DATE),
    ORDER_SALESPERSON(RecordModel.SALES_ORDER, "salesperson", new Reference(Schema.USER)),
    ORDER_TEAM(RecordModel.SALES_ORDER, "team", new Reference(Schema.GROUP)),
    ORDER_NOTE(RecordModel.SALES_ORDER, "note", Scalar.TEXT),
    INVOICE_DUE_DATE(RecordModel.INVOICE, "due_date", Scalar.DATE);

    private final RecordModel model;
    private final String field;
    private final FieldType type;

    DefaultField(RecordModel model, String field, FieldType type) {
        this.model = model;
        this.field = field;
        this.type = type;
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
}
