package app.strongroom.web.files;

import app.strongroom.tenant.access.RecordModel;
import app.strongroom.tenant.file.FileOwner;
import app.strongroom.web.sales.InvoicePage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/** The files attached to the invoice on the invoice page. */
@Named
@ViewScoped
public class InvoiceFilesPage extends RecordFilesSection {
    private static final long serialVersionUID = 1L;

    @Inject
    InvoicePage invoice;

    @Override
    protected Optional<FileOwner> owner() {
        return Optional.ofNullable(invoice.getInvoice()).map(i -> new FileOwner(RecordModel.INVOICE, i.id()));
    }
}
