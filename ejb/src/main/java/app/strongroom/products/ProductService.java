package app.strongroom.products;

import app.strongroom.identity.Role;
import app.strongroom.records.Change;
import app.strongroom.records.ListRequest;
import app.strongroom.records.RecordLists;
import app.strongroom.tenancy.TenantData;
import app.strongroom.tenant.access.AccessPolicy;
import app.strongroom.tenant.access.Operation;
import app.strongroom.tenant.access.RecordModel;
import app.strongroom.tenant.defaults.DefaultField;
import app.strongroom.tenant.defaults.Defaults;
import app.strongroom.tenant.sales.Product;
import app.strongroom.tenant.sales.ProductDetails;
import app.strongroom.tenant.sales.StateMoveRefused;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The caller's products. Every method asks the caller's rights and record rules: without the right it throws
 * {@link app.strongroom.tenant.access.AccessRefused}; a product outside the rules is not found.
 */
@Stateless
@RolesAllowed(Role.Names.TENANT_USER)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ProductService {
    private static final RecordModel MODEL = RecordModel.PRODUCT;

    @Inject
    TenantData tenantData;

    public List<ProductView> list(ListRequest<ProductField> request) {
        return tenantData.underRules((em, policy) -> RecordLists.list(em, policy, MODEL, Product.class, request,
                ProductField.NAME).stream().map(ProductView::of).toList());
    }

    public long count(Map<ProductField, String> filters) {
        return tenantData.underRules((em, policy) -> RecordLists.count(em, policy, MODEL, filters));
    }

    public Optional<ProductView> find(long id) {
        return tenantData.underRules((em, policy) -> policy.find(em, Product.class, MODEL, Operation.READ, id)
                .map(ProductView::of));
    }

    /** A new product, as typed (its form opened with the defaults already). */
    public long create(ProductDetails details) {
        return tenantData.underRules((em, policy) -> create(em, policy, details));
    }

    /** A new product whose price or tax rate, left empty, take the tenant's computed defaults first. */
    public long createWithDefaults(ProductDetails details) {
        return tenantData.underRules((em, policy) -> {
            policy.require(MODEL, Operation.CREATE);
            Defaults defaults = Defaults.of(em, MODEL, policy.user());
            return create(em, policy, new ProductDetails(details.name(), details.code(),
                    details.unitPrice() != null ? details.unitPrice()
                            : defaults.number(DefaultField.PRODUCT_UNIT_PRICE).orElse(null),
                    details.taxRate() != null ? details.taxRate()
                            : defaults.number(DefaultField.PRODUCT_TAX_RATE).orElse(null),
                    details.active()));
        });
    }

    private static long create(EntityManager em, AccessPolicy policy, ProductDetails details) {
        policy.require(MODEL, Operation.CREATE);
        Product product = new Product(details, null);
        em.persist(product);
        em.flush();
        policy.requireInside(em, MODEL, Operation.CREATE, product.id());
        return product.id();
    }

    public Change update(long id, long version, ProductDetails details) {
        return tenantData.underRules((em, policy) -> {
            Optional<Product> product = policy.find(em, Product.class, MODEL, Operation.WRITE, id);
            if (product.isEmpty()) {
                return new Change.NotFound();
            }
            if (product.get().version() != version) {
                return new Change.Stale();
            }
            product.get().apply(details, product.get().company().orElse(null));
            policy.requireInside(em, MODEL, Operation.WRITE, id);
            return new Change.Done(id);
        });
    }

    public Change delete(long id) {
        return tenantData.underRules((em, policy) -> {
            Optional<Product> product = policy.find(em, Product.class, MODEL, Operation.DELETE, id);
            if (product.isEmpty()) {
                return new Change.NotFound();
            }
            if (em.createNamedQuery(Product.USES, Long.class).setParameter("product", product.get())
                    .getSingleResult() > 0) {
                throw new StateMoveRefused("product.refused.used", "a product on an order stays; deactivate it");
            }
            em.remove(product.get());
            return new Change.Done(id);
        });
    }
}
