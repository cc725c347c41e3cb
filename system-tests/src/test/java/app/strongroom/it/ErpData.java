package app.strongroom.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Test data for the ERP written straight into a tenant's database with fixed, parameterised statements: users,
 * groups, rights, rules and records, so a test can set up a cell of the access matrix in milliseconds.
 */
final class ErpData implements AutoCloseable {
    private final Connection connection;

    ErpData(String database) throws SQLException {
        this.connection = Tenants.superuser(database);
    }

    long userId(String login) throws SQLException {
        return single("select id from user_account where login = ?", login);
    }

    long group(String name, String... members) throws SQLException {
        long group = insert("insert into user_group (name, created_at) values (?, now())", name);
        for (String member : members) {
            update("insert into user_group_member (user_id, group_id) values (?, ?)", userId(member), group);
        }
        return group;
    }

    /** Removes every right and rule, and gives back what every user had before rights existed. */
    void resetAccess() throws SQLException {
        update("delete from record_rule");
        update("delete from model_access");
        update("insert into model_access (model, group_id, can_read, can_write, can_create, can_delete) "
                + "values ('contact', null, true, true, true, true), ('product', null, true, false, false, false)");
    }

    void right(String model, Long group, boolean read, boolean write, boolean create, boolean delete)
            throws SQLException {
        update("delete from model_access where model = ? and coalesce(group_id, 0) = coalesce(?, 0)", model, group);
        update("insert into model_access (model, group_id, can_read, can_write, can_create, can_delete) "
                + "values (?, ?, ?, ?, ?, ?)", model, group, read, write, create, delete);
    }

    /** A global rule on every operation, written as the administrator's page would store a checked one. */
    void globalRule(String model, String expression) throws SQLException {
        update("insert into record_rule (name, model, group_id, expression, on_read, on_write, on_create, on_delete, "
                + "created_at) values ('test rule', ?, null, ?, true, true, true, true, now())", model, expression);
    }

    long contact(String name, String city) throws SQLException {
        return insert("insert into contact (name, city, created_at, updated_at) values (?, ?, now(), now())", name,
                city);
    }

    long product(String name, String code) throws SQLException {
        return insert("insert into product (name, code, unit_price, tax_rate, active, created_at, updated_at) "
                + "values (?, ?, 10.00, 20, true, now(), now())", name, code);
    }

    /** An order of the main company with one line of {@code product} (2 x 10.00, 20 % tax). */
    long order(long customer, long salesperson, long product, String state) throws SQLException {
        long order = insert("insert into sale_order (customer_id, salesperson_id, company_id, state, order_date, "
                + "currency, amount_untaxed, amount_tax, amount_total, created_at, updated_at) "
                + "values (?, ?, 1, ?, current_date, 'EUR', 20.00, 4.00, 24.00, now(), now())", customer, salesperson,
                state);
        update("insert into sale_order_line (order_id, position, product_id, description, quantity, unit_price, "
                + "discount, tax_rate, subtotal, tax) values (?, 1, ?, 'Line', 2, 10.00, 0, 20, 20.00, 4.00)", order,
                product);
        return order;
    }

    /** A draft invoice of {@code order} (which is then invoiced), with its one line. */
    long invoice(long order) throws SQLException {
        long invoice = insert("insert into invoice (order_id, customer_id, salesperson_id, company_id, state, "
                + "invoice_date, due_date, currency, amount_untaxed, amount_tax, amount_total, created_at, updated_at) "
                + "select id, customer_id, salesperson_id, company_id, 'DRAFT', current_date, current_date + 30, "
                + "currency, amount_untaxed, amount_tax, amount_total, now(), now() from sale_order where id = ?", order);
        update("insert into invoice_line (invoice_id, position, product_id, description, quantity, unit_price, "
                + "discount, tax_rate, subtotal, tax) select ?, position, product_id, description, quantity, "
                + "unit_price, discount, tax_rate, subtotal, tax from sale_order_line where order_id = ?", invoice, order);
        update("update sale_order set state = 'INVOICED' where id = ?", order);
        return invoice;
    }

    String text(String query, Object... parameters) throws SQLException {
        try (PreparedStatement s = prepared(query, parameters); ResultSet r = s.executeQuery()) {
            return r.next() ? r.getString(1) : null;
        }
    }

    long single(String query, Object... parameters) throws SQLException {
        try (PreparedStatement s = prepared(query, parameters); ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                throw new IllegalStateException("no row for " + query);
            }
            return r.getLong(1);
        }
    }

    void update(String statement, Object... parameters) throws SQLException {
        try (PreparedStatement s = prepared(statement, parameters)) {
            s.executeUpdate();
        }
    }

    private long insert(String statement, Object... parameters) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(statement, Statement.RETURN_GENERATED_KEYS)) {
            bind(s, parameters);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong("id");
            }
        }
    }

    private PreparedStatement prepared(String query, Object... parameters) throws SQLException {
        PreparedStatement s = connection.prepareStatement(query);
        bind(s, parameters);
        return s;
    }

    private static void bind(PreparedStatement s, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameters[i]);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
