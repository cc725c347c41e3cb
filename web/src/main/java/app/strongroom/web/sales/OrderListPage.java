package app.strongroom.web.sales;

import app.strongroom.access.MyAccess;
import app.strongroom.sales.OrderField;
import app.strongroom.sales.OrderRow;
import app.strongroom.sales.SalesOrderService;
import app.strongroom.tenant.access.Operation;
import app.strongroom.tenant.access.RecordModel;
import app.strongroom.web.records.RecordTableModel;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Set;

/** The sales order list; shown only to users who may read orders, and only the orders their rules let through. */
@Named
@ViewScoped
public class OrderListPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    transient SalesOrderService orders;
    @EJB
    transient MyAccess access;

    private RecordTableModel<OrderRow, OrderField> model;
    private Set<Operation> granted;

    @PostConstruct
    void init() {
        granted = access.granted(RecordModel.SALES_ORDER);
        model = new RecordTableModel<>(orders::list, orders::count, OrderField.class, OrderRow::id);
    }

    public RecordTableModel<OrderRow, OrderField> getModel() {
        return model;
    }

    public boolean isReadable() {
        return granted.contains(Operation.READ);
    }

    public boolean isCreatable() {
        return granted.contains(Operation.CREATE);
    }
}
