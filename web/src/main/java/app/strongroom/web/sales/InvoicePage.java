package app.strongroom.web.sales;

import app.strongroom.invoices.InvoiceMove;
import app.strongroom.invoices.InvoiceService;
import app.strongroom.invoices.InvoiceView;
import app.strongroom.records.Change;
import app.strongroom.tenant.access.AccessRefused;
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

/** One invoice: its lines and amounts, and the moves post, pay, cancel, and deleting a draft. */
@Named
@ViewScoped
public class InvoicePage implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    transient InvoiceService invoices;

    private String id;
    private InvoiceView invoice;

    public void load() {
        try {
            OptionalLong invoiceId = Ids.parse(id);
            Optional<InvoiceView> found = invoiceId.isPresent() ? invoices.find(invoiceId.getAsLong())
                    : Optional.empty();
            found.ifPresentOrElse(i -> invoice = i, Responses::notFound);
        } catch (AccessRefused refused) {
            Responses.forbidden();
        }
    }

    public String move(InvoiceMove move) {
        return Refusals.attempt("invoice", () -> outcome(invoices.move(invoice.id(), move),
                "invoice.moved." + move.name(), "/app/invoice.xhtml?faces-redirect=true&id=" + invoice.id()));
    }

    public String delete() {
        return Refusals.attempt("invoice", () -> outcome(invoices.delete(invoice.id()), "invoice.deleted",
                "/app/invoices.xhtml?faces-redirect=true"));
    }

    private String outcome(Change change, String doneKey, String next) {
        if (change instanceof Change.Done) {
            Messages.infoAfterRedirect(doneKey, invoice.number());
            return next;
        }
        Messages.error("records.notFound");
        return null;
    }

    public InvoiceView getInvoice() {
        return invoice;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
