package app.strongroom.web.products;

import app.strongroom.products.ProductView;
import app.strongroom.tenant.sales.ProductDetails;
import app.strongroom.tenant.defaults.DefaultField;
import app.strongroom.tenant.defaults.Defaults;
import java.io.Serializable;
import java.math.BigDecimal;

/** The editable fields of a product as the form holds them; {@link app.strongroom.tenant.sales.Product} checks them. */
public class ProductForm implements Serializable {
    private static final long serialVersionUID = 1L;

    private String name;
    private String code;
    private BigDecimal unitPrice;
    private BigDecimal taxRate;
    private boolean active = true;

    /** A new product's form, opened with the tenant's computed defaults. */
    static ProductForm blank(Defaults defaults) {
        ProductForm form = new ProductForm();
        form.unitPrice = defaults.number(DefaultField.PRODUCT_UNIT_PRICE).orElse(null);
        form.taxRate = defaults.number(DefaultField.PRODUCT_TAX_RATE).orElse(null);
        form.active = defaults.bool(DefaultField.PRODUCT_ACTIVE).orElse(true);
        return form;
    }

    static ProductForm of(ProductView view) {
        ProductForm form = new ProductForm();
        form.name = view.name();
        form.code = view.code();
        form.unitPrice = view.unitPrice();
        form.taxRate = view.taxRate();
        form.active = view.active();
        return form;
    }

    ProductDetails toDetails() {
        return new ProductDetails(name, code, unitPrice, taxRate, active);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public void setUnitPrice(BigDecimal unitPrice) {
        this.unitPrice = unitPrice;
    }

    public BigDecimal getTaxRate() {
        return taxRate;
    }

    public void setTaxRate(BigDecimal taxRate) {
        this.taxRate = taxRate;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
