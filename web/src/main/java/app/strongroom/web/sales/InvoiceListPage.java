package app.strongroom.web.sales;

import app.strongroom.access.MyAccess;
import app.strongroom.invoices.InvoiceField;
import app.strongroom.invoices.InvoiceService;
import app.strongroom.invoices.InvoiceRow;
import app.strongroom.tenant.access.Operation;
import app.strongroom.tenant.access.RecordModel;
import app.strongroom.web.records.RecordTableModel;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/** The invoice list; shown only to users who may read invoices, and only the invoices their rules let through. */
@Named
@ViewScoped
public class InvoiceListPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    transient InvoiceService invoices;
    @EJB
    transient MyAccess access;

    private RecordTableModel<InvoiceRow, InvoiceField> model;
    private boolean readable;

    @PostConstruct
    void init() {
        readable = access.granted(RecordModel.INVOICE).contains(Operation.READ);
        model = new RecordTableModel<>(invoices::list, invoices::count, InvoiceField.class, InvoiceRow::id);
    }

    public RecordTableModel<InvoiceRow, InvoiceField> getModel() {
        return model;
    }

    public boolean isReadable() {
        return readable;
    }
}
