package app.strongroom.web.api.v1;

import app.strongroom.products.ProductField;
import app.strongroom.products.ProductService;
import app.strongroom.products.ProductView;
import app.strongroom.tenant.sales.ProductDetails;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The key's user's products, through {@link ProductService} as the product pages. */
@Path("v1/products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = Responses.KEY_REFUSED)
@APIResponse(responseCode = "403", ref = Responses.NO_RIGHT)
@APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
@APIResponse(responseCode = "429", ref = Responses.RATE_LIMITED)
@Tag(name = "products", description = "Products under the key's user's rights and record rules")
public class ProductsResource {
    @EJB
    ProductService products;

    @GET
    @Operation(summary = "Products, a page at a time; filter by name, code or unitPrice (contains)")
    public ListJson<ProductView> list(@Context UriInfo uri) {
        ListParameters.Query<ProductField> query = ListParameters.parse(uri.getQueryParameters(), ProductField.class);
        return new ListJson<>(products.list(query.request(ProductField.class)), products.count(query.filters()),
                query.first(), query.size());
    }

    @GET
    @Path(Ids.ID)
    @Operation(summary = "One product")
    public ProductView get(@PathParam("id") long id) {
        return Outcomes.found(products.find(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Makes a product; a price or tax rate left out takes the tenant's default")
    @APIResponse(responseCode = "201", description = "Made; Location names it")
    public Response create(ProductInput input, @Context UriInfo uri) {
        long id = products.createWithDefaults(details(input));
        return Outcomes.created(uri.getAbsolutePathBuilder().path(Long.toString(id)).build(),
                Outcomes.found(products.find(id)));
    }

    @PUT
    @Path(Ids.ID)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Changes a product still at the version given")
    @APIResponse(responseCode = "409", ref = Responses.STALE)
    public ProductView update(@PathParam("id") long id, ProductInput input) {
        long version = Outcomes.required(ContactsResource.body(input).version());
        return Outcomes.changed(products.update(id, version, details(input)), version,
                () -> Outcomes.found(products.find(id)));
    }

    private static ProductDetails details(ProductInput input) {
        ProductInput in = ContactsResource.body(input);
        return new ProductDetails(in.name(), in.code(), in.unitPrice(), in.taxRate(),
                in.active() == null || in.active());
    }
}
