package app.strongroom.web.sales;

import app.strongroom.sales.OrderDraft;
import app.strongroom.sales.OrderView;
import app.strongroom.tenant.defaults.DefaultField;
import app.strongroom.tenant.defaults.Defaults;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The editable fields of an order as the form holds them; the order itself checks them. */
public class OrderForm implements Serializable {
    private static final long serialVersionUID = 1L;

    private Long customerId;
    private LocalDate orderDate = LocalDate.now(ZoneOffset.UTC);
    private String note;
    private Long salespersonId;
    private Long teamId;
    private final List<LineRow> lines = new ArrayList<>(List.of(new LineRow()));

    /** A new quotation's form, opened with the tenant's computed defaults; without them dated today, sold by the caller. */
    static OrderForm blank(Defaults defaults) {
        OrderForm form = new OrderForm();
        defaults.date(DefaultField.ORDER_DATE).ifPresent(date -> form.orderDate = date);
        form.note = defaults.text(DefaultField.ORDER_NOTE).orElse(null);
        form.salespersonId = defaults.id(DefaultField.ORDER_SALESPERSON).orElse(null);
        form.teamId = defaults.id(DefaultField.ORDER_TEAM).orElse(null);
        return form;
    }

    static OrderForm of(OrderView order) {
        OrderForm form = new OrderForm();
        form.customerId = order.customerId();
        form.orderDate = order.orderDate();
        form.note = order.note();
        form.salespersonId = order.salespersonId();
        form.teamId = order.teamId();
        form.lines.clear();
        order.lines().forEach(line -> form.lines.add(LineRow.of(line)));
        return form;
    }

    OrderDraft toDraft() {
        return new OrderDraft(customerId == null ? 0 : customerId, orderDate, note, salespersonId, teamId,
                lines.stream().map(LineRow::toInput).toList());
    }

    public List<LineRow> getLines() {
        return lines;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public void setCustomerId(Long customerId) {
        this.customerId = customerId;
    }

    public LocalDate getOrderDate() {
        return orderDate;
    }

    public void setOrderDate(LocalDate orderDate) {
        this.orderDate = orderDate;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public Long getSalespersonId() {
        return salespersonId;
    }

    public void setSalespersonId(Long salespersonId) {
        this.salespersonId = salespersonId;
    }

    public Long getTeamId() {
        return teamId;
    }

    public void setTeamId(Long teamId) {
        this.teamId = teamId;
    }
}
