package app.strongroom.web.sales;

import app.strongroom.defaults.NewRecordDefaults;
import app.strongroom.records.Change;
import app.strongroom.sales.OrderChoices;
import app.strongroom.sales.OrderMove;
import app.strongroom.sales.OrderView;
import app.strongroom.sales.SalesOrderService;
import app.strongroom.tenant.access.AccessRefused;
import app.strongroom.tenant.access.RecordModel;
import app.strongroom.web.Messages;
import app.strongroom.web.Responses;
import app.strongroom.web.records.Ids;
import app.strongroom.web.records.Refusals;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;
import java.util.OptionalLong;

/** A new quotation (no id) or an existing order: its header, lines, state moves and invoicing. */
@Named
@ViewScoped
public class OrderEditPage implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String LIST = "/app/orders.xhtml?faces-redirect=true";

    @EJB
    transient SalesOrderService orders;
    @EJB
    transient NewRecordDefaults defaults;

    private String id;
    private OrderView order;
    private OrderForm form = new OrderForm();
    private OrderChoices choices;

    public void load() {
        try {
            choices = orders.choices();
            if (id == null) {
                form = OrderForm.blank(defaults.of(RecordModel.SALES_ORDER));
            } else {
                OptionalLong orderId = Ids.parse(id);
                Optional<OrderView> found = orderId.isPresent() ? orders.find(orderId.getAsLong()) : Optional.empty();
                found.ifPresentOrElse(o -> {
                    order = o;
                    form = OrderForm.of(o);
                }, Responses::notFound);
            }
        } catch (AccessRefused refused) {
            Responses.forbidden();
        }
    }

    public void addLine() {
        form.getLines().add(new LineRow());
    }

    public void removeLine(int index) {
        if (index >= 0 && index < form.getLines().size()) {
            form.getLines().remove(index);
        }
    }

    public String save() {
        return Refusals.attempt("order", () -> {
            if (order == null) {
                long made = orders.create(form.toDraft());
                Messages.infoAfterRedirect("order.created");
                return "/app/order.xhtml?faces-redirect=true&id=" + made;
            }
            return outcome(orders.update(order.id(), order.version(), form.toDraft()), "order.saved");
        });
    }

    public String move(OrderMove move) {
        return Refusals.attempt("order", () -> outcome(orders.move(order.id(), move), "order.moved." + move.name()));
    }

    public String invoice() {
        return Refusals.attempt("order", () -> {
            Change change = orders.invoice(order.id());
            if (change instanceof Change.Done done) {
                Messages.infoAfterRedirect("order.invoiced");
                return "/app/invoice.xhtml?faces-redirect=true&id=" + done.id();
            }
            return outcome(change, "order.invoiced");
        });
    }

    public String delete() {
        return Refusals.attempt("order", () -> {
            Change change = orders.delete(order.id());
            if (change instanceof Change.Done) {
                Messages.infoAfterRedirect("order.deleted", order.number());
                return LIST;
            }
            return outcome(change, "order.deleted");
        });
    }

    private String outcome(Change change, String doneKey) {
        if (change instanceof Change.Done) {
            Messages.infoAfterRedirect(doneKey, order.number());
            return "/app/order.xhtml?faces-redirect=true&id=" + order.id();
        }
        Messages.error(change instanceof Change.Stale ? "records.stale" : "records.notFound");
        return null;
    }

    public boolean isNew() {
        return order == null;
    }

    public boolean isEditable() {
        return order == null || order.state().isEditable();
    }

    public OrderView getOrder() {
        return order;
    }

    public OrderChoices getChoices() {
        return choices;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public OrderForm getForm() {
        return form;
    }
}
