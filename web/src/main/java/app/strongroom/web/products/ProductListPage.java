package app.strongroom.web.products;

import app.strongroom.access.MyAccess;
import app.strongroom.products.ProductField;
import app.strongroom.products.ProductService;
import app.strongroom.products.ProductView;
import app.strongroom.tenant.access.Operation;
import app.strongroom.tenant.access.RecordModel;
import app.strongroom.web.records.RecordTableModel;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Set;

/** The product list page; shown only to users who may read products. */
@Named
@ViewScoped
public class ProductListPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    transient ProductService products;
    @EJB
    transient MyAccess access;

    private RecordTableModel<ProductView, ProductField> model;
    private Set<Operation> granted;

    @PostConstruct
    void init() {
        granted = access.granted(RecordModel.PRODUCT);
        model = new RecordTableModel<>(products::list, products::count, ProductField.class, ProductView::id);
    }

    public RecordTableModel<ProductView, ProductField> getModel() {
        return model;
    }

    public boolean isReadable() {
        return granted.contains(Operation.READ);
    }

    public boolean isCreatable() {
        return granted.contains(Operation.CREATE);
    }
}
