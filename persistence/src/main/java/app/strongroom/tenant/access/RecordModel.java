package app.strongroom.tenant.access;

import app.strongroom.tenant.company.Company;
import app.strongroom.tenant.contact.Contact;
import app.strongroom.tenant.invoice.Invoice;
import app.strongroom.tenant.invoice.InvoiceState;
import app.strongroom.tenant.rules.expression.FieldType;
import app.strongroom.tenant.rules.expression.FieldType.Reference;
import app.strongroom.tenant.rules.expression.FieldType.Scalar;
import app.strongroom.tenant.rules.expression.Model;
import app.strongroom.tenant.rules.expression.Schema;
import app.strongroom.tenant.sales.OrderState;
import app.strongroom.tenant.sales.Product;
import app.strongroom.tenant.sales.SalesOrder;
import app.strongroom.tenant.user.UserAccount;
import app.strongroom.tenant.user.UserGroup;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The models of a tenant's ERP as rights and rules name them: each the entity it is, and the fields an expression
 * may use, each bound to the entity attribute it reads. Only {@link #isManaged() managed} models carry rights and
 * rules; the user, company and group models are there for the variables and for paths such as
 * {@code salesperson.company}. Expressions reach attributes only through this closed table (P15, P19).
 */
public enum RecordModel {
    CONTACT("contact", Contact.class, true, fields(
            text("name", "name"), text("email", "email"), text("phone", "phone"), text("company_name", "company"),
            text("city", "city"))),
    PRODUCT("product", Product.class, true, fields(
            text("name", "name"), text("code", "code"), field("unit_price", Scalar.NUMBER, "unitPrice"),
            field("tax_rate", Scalar.NUMBER, "taxRate"), field("active", Scalar.BOOLEAN, "active"),
            reference("company", Schema.COMPANY, "company"))),
    SALES_ORDER("sales_order", SalesOrder.class, true, fields(
            field("state", new FieldType.Choice(names(OrderState.values())), "state"),
            reference("customer", "contact", "customer"), reference("salesperson", Schema.USER, "salesperson"),
            reference("team", Schema.GROUP, "team"), reference("company", Schema.COMPANY, "company"),
            field("order_date", Scalar.DATE, "orderDate"), field("amount_total", Scalar.NUMBER, "amountTotal"),
            text("currency", "currency"))),
    INVOICE("invoice", Invoice.class, true, fields(
            field("state", new FieldType.Choice(names(InvoiceState.values())), "state"),
            reference("order", "sales_order", "order"), reference("customer", "contact", "customer"),
            reference("salesperson", Schema.USER, "salesperson"), reference("company", Schema.COMPANY, "company"),
            field("invoice_date", Scalar.DATE, "invoiceDate"), field("due_date", Scalar.DATE, "dueDate"),
            field("amount_total", Scalar.NUMBER, "amountTotal"), text("currency", "currency"))),
    USER(Schema.USER, UserAccount.class, false, fields(
            text("login", "login"), field("active", Scalar.BOOLEAN, "active"),
            field("administrator", Scalar.BOOLEAN, "administrator"), reference("company", Schema.COMPANY, "company"))),
    COMPANY(Schema.COMPANY, Company.class, false, fields(text("name", "name"), text("currency", "currency"))),
    GROUP(Schema.GROUP, UserGroup.class, false, fields(text("name", "name")));

    /** Every model, as the expression checker sees them. */
    public static final Schema SCHEMA = new Schema(Arrays.stream(values()).map(RecordModel::model).toList());

    private final String modelName;
    private final Class<?> entity;
    private final boolean managed;
    private final Map<String, Bound> fields;
    private final Model model;

    RecordModel(String modelName, Class<?> entity, boolean managed, Map<String, Bound> fields) {
        this.modelName = modelName;
        this.entity = entity;
        this.managed = managed;
        this.fields = fields;
        Map<String, FieldType> types = new LinkedHashMap<>();
        fields.forEach((name, bound) -> types.put(name, bound.type()));
        this.model = new Model(modelName, types);
    }

    /** The model named {@code name} in rights, rules and expressions. */
    public static Optional<RecordModel> named(String name) {
        return Arrays.stream(values()).filter(m -> m.modelName.equals(name)).findFirst();
    }

    /** The models that carry rights and rules, in the order pages list them. */
    public static List<RecordModel> managed() {
        return Arrays.stream(values()).filter(RecordModel::isManaged).toList();
    }

    public String modelName() {
        return modelName;
    }

    public Class<?> entity() {
        return entity;
    }

    public boolean isManaged() {
        return managed;
    }

    public Model model() {
        return model;
    }

    /** The entity attribute behind expression field {@code field}; {@code id} is every entity's key. */
    public String attribute(String field) {
        if ("id".equals(field)) {
            return "id";
        }
        Bound bound = fields.get(field);
        if (bound == null) {
            throw new IllegalArgumentException("no field " + field + " on " + modelName);
        }
        return bound.attribute();
    }

    /**
     * The key attribute behind a reference field: the read-only foreign key the entity maps beside the relation, so
     * a rule comparing a reference ({@code salesperson = user.id}) reads the column and joins nothing.
     */
    public String keyAttribute(String field) {
        if ("id".equals(field)) {
            return "id";
        }
        Bound bound = fields.get(field);
        if (bound == null || bound.keyAttribute() == null) {
            throw new IllegalArgumentException("no reference " + field + " on " + modelName);
        }
        return bound.keyAttribute();
    }

    private record Bound(FieldType type, String attribute, String keyAttribute) {
    }

    private static Map.Entry<String, Bound> field(String name, FieldType type, String attribute) {
        return Map.entry(name, new Bound(type, attribute, null));
    }

    private static Map.Entry<String, Bound> text(String name, String attribute) {
        return field(name, Scalar.TEXT, attribute);
    }

    private static Map.Entry<String, Bound> reference(String name, String model, String attribute) {
        return Map.entry(name, new Bound(new Reference(model), attribute, attribute + "Id"));
    }

    @SafeVarargs
    private static Map<String, Bound> fields(Map.Entry<String, Bound>... entries) {
        Map<String, Bound> map = new LinkedHashMap<>();
        for (Map.Entry<String, Bound> entry : entries) {
            map.put(entry.getKey(), entry.getValue());
        }
        return Map.copyOf(map);
    }

    private static List<String> names(Enum<?>[] states) {
        return Arrays.stream(states).map(s -> s.name().toLowerCase(Locale.ROOT)).toList();
    }
}
