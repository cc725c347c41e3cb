package app.strongroom.web.files;

import app.strongroom.tenant.access.RecordModel;
import app.strongroom.tenant.file.FileOwner;
import app.strongroom.web.sales.OrderEditPage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/** The files attached to the sales order on the order page. */
@Named
@ViewScoped
public class OrderFilesPage extends RecordFilesSection {
    private static final long serialVersionUID = 1L;

    @Inject
    OrderEditPage order;

    @Override
    protected Optional<FileOwner> owner() {
        return Optional.ofNullable(order.getOrder()).map(o -> new FileOwner(RecordModel.SALES_ORDER, o.id()));
    }
}
