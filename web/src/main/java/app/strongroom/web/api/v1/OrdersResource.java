package app.strongroom.web.api.v1;

import app.strongroom.common.InvalidValue;
import app.strongroom.records.Change;
import app.strongroom.sales.OrderDraft;
import app.strongroom.sales.OrderField;
import app.strongroom.sales.OrderMove;
import app.strongroom.sales.OrderRow;
import app.strongroom.sales.OrderView;
import app.strongroom.sales.SalesOrderService;
import app.strongroom.tenant.sales.LineInput;
import app.strongroom.invoices.InvoiceService;
import app.strongroom.invoices.InvoiceView;
import java.util.List;
import app.strongroom.web.api.Problem;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The key's user's sales orders, through {@link SalesOrderService} as the order pages: list, read, make, change, and
 * the state moves send, confirm, cancel and invoice. Each move is its own published path; no other name reaches the
 * service.
 */
@Path("v1/orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = Responses.KEY_REFUSED)
@APIResponse(responseCode = "403", ref = Responses.NO_RIGHT)
@APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
@APIResponse(responseCode = "429", ref = Responses.RATE_LIMITED)
@Tag(name = "orders", description = "Sales orders under the key's user's rights and record rules")
public class OrdersResource {
    @EJB
    SalesOrderService orders;
    @EJB
    InvoiceService invoices;

    @GET
    @Operation(summary = "Orders, a page at a time; filter by number, customer, state, orderDate or total")
    public ListJson<OrderRow> list(@Context UriInfo uri) {
        ListParameters.Query<OrderField> query = ListParameters.parse(uri.getQueryParameters(), OrderField.class);
        return new ListJson<>(orders.list(query.request(OrderField.class)), orders.count(query.filters()),
                query.first(), query.size());
    }

    @GET
    @Path(Ids.ID)
    @Operation(summary = "One order with its lines")
    public OrderView get(@PathParam("id") long id) {
        return Outcomes.found(orders.find(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Makes a quotation; fields left out take the tenant's computed defaults")
    @APIResponse(responseCode = "201", description = "Made; Location names it")
    @APIResponse(responseCode = "422", description = "A customer, product, salesperson or team not to be used",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(OrderInput input, @Context UriInfo uri) {
        long id = orders.createWithDefaults(draft(input));
        return Outcomes.created(uri.getAbsolutePathBuilder().path(Long.toString(id)).build(),
                Outcomes.found(orders.find(id)));
    }

    @PUT
    @Path(Ids.ID)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replaces an order still at the version given (lines only while it is a quotation): "
            + "orderDate, salespersonId and lines are required, a null note or teamId means none")
    @APIResponse(responseCode = "409", description = "Changed by someone else since that version, or a change the "
            + "order's state does not allow",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OrderView update(@PathParam("id") long id, OrderInput input) {
        OrderInput in = ContactsResource.body(input);
        long version = Outcomes.required(in.version());
        // A replacement: a field left out would otherwise reassign the order or drop its lines without being asked.
        if (in.orderDate() == null || in.salespersonId() == null || in.lines() == null) {
            throw new InvalidValue("orderDate, salespersonId and lines", "are required to change an order");
        }
        return Outcomes.changed(orders.update(id, version, draft(in)), version,
                () -> Outcomes.found(orders.find(id)));
    }

    @POST
    @Path(Ids.ID + "/send")
    @Operation(summary = "Marks a quotation sent")
    @APIResponse(responseCode = "409", ref = Responses.STATE_MOVE)
    public OrderView send(@PathParam("id") long id) {
        return move(id, OrderMove.SEND);
    }

    @POST
    @Path(Ids.ID + "/confirm")
    @Operation(summary = "Confirms a quotation as an order")
    @APIResponse(responseCode = "409", ref = Responses.STATE_MOVE)
    public OrderView confirm(@PathParam("id") long id) {
        return move(id, OrderMove.CONFIRM);
    }

    @POST
    @Path(Ids.ID + "/cancel")
    @Operation(summary = "Cancels an order not yet invoiced")
    @APIResponse(responseCode = "409", ref = Responses.STATE_MOVE)
    public OrderView cancel(@PathParam("id") long id) {
        return move(id, OrderMove.CANCEL);
    }

    @POST
    @Path(Ids.ID + "/invoice")
    @Operation(summary = "Makes the draft invoice of a confirmed order")
    @APIResponse(responseCode = "201", description = "The new draft invoice; Location names it")
    @APIResponse(responseCode = "409", ref = Responses.STATE_MOVE)
    public Response invoice(@PathParam("id") long id, @Context UriInfo uri) {
        Change change = orders.invoice(id);
        if (!(change instanceof Change.Done done)) {
            throw new jakarta.ws.rs.NotFoundException(Outcomes.NOT_FOUND);
        }
        InvoiceView invoice = Outcomes.found(invoices.find(done.id()));
        return Outcomes.created(uri.getBaseUriBuilder().path("v1/invoices").path(Long.toString(done.id())).build(),
                invoice);
    }

    private OrderView move(long id, OrderMove move) {
        return Outcomes.changed(orders.move(id, move), 0, () -> Outcomes.found(orders.find(id)));
    }

    /** The order as sent; on a create the fields left out take the tenant's computed defaults. */
    private static OrderDraft draft(OrderInput input) {
        OrderInput in = ContactsResource.body(input);
        if (in.customerId() == null) {
            throw new InvalidValue("customerId", "is required");
        }
        List<LineInput> lines = in.lines() == null ? List.of() : in.lines().stream().map(OrdersResource::line).toList();
        return new OrderDraft(in.customerId(), in.orderDate(),
                in.note(), in.salespersonId(), in.teamId(), lines);
    }

    private static LineInput line(OrderInput.Line line) {
        if (line == null || line.productId() == null || line.quantity() == null) {
            throw new InvalidValue("lines", "each need a productId and a quantity");
        }
        return new LineInput(line.productId(), line.quantity(), line.unitPrice(), line.discount());
    }
}
