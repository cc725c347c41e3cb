package app.strongroom.web.products;

import app.strongroom.defaults.NewRecordDefaults;
import app.strongroom.products.ProductService;
import app.strongroom.products.ProductView;
import app.strongroom.tenant.access.AccessRefused;
import app.strongroom.tenant.access.RecordModel;
import app.strongroom.records.Change;
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

/** Creates a product (no id) or edits one (id in the URL); a product the user may not read is not found (404). */
@Named
@ViewScoped
public class ProductEditPage implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String LIST = "/app/products.xhtml?faces-redirect=true";

    @EJB
    transient ProductService products;
    @EJB
    transient NewRecordDefaults defaults;

    private String id;
    private long version;
    private ProductForm form = new ProductForm();

    public void load() {
        try {
            if (id == null) {
                form = ProductForm.blank(defaults.of(RecordModel.PRODUCT));
                return;
            }
            OptionalLong product = productId();
            Optional<ProductView> found = product.isPresent() ? products.find(product.getAsLong()) : Optional.empty();
            found.ifPresentOrElse(p -> {
                form = ProductForm.of(p);
                version = p.version();
            }, Responses::notFound);
        } catch (AccessRefused refused) {
            Responses.forbidden();
        }
    }

    public String save() {
        return Refusals.attempt("product", () -> {
            if (id == null) {
                products.create(form.toDetails());
                Messages.infoAfterRedirect("product.created", form.getName());
                return LIST;
            }
            return outcome(productId().isEmpty() ? new Change.NotFound()
                    : products.update(productId().getAsLong(), version, form.toDetails()), "product.saved");
        });
    }

    public String delete() {
        return Refusals.attempt("product", () -> outcome(productId().isEmpty() ? new Change.NotFound()
                : products.delete(productId().getAsLong()), "product.deleted"));
    }

    private String outcome(Change change, String doneKey) {
        if (change instanceof Change.Done) {
            Messages.infoAfterRedirect(doneKey, form.getName());
            return LIST;
        }
        Messages.error(change instanceof Change.Stale ? "records.stale" : "records.notFound");
        return null;
    }

    private OptionalLong productId() {
        return Ids.parse(id);
    }

    public boolean isNew() {
        return id == null;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public ProductForm getForm() {
        return form;
    }
}
