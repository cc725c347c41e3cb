package app.strongroom.web.api.v1;

import app.strongroom.invoices.InvoiceField;
import app.strongroom.invoices.InvoiceMove;
import app.strongroom.invoices.InvoiceRow;
import app.strongroom.invoices.InvoiceService;
import app.strongroom.invoices.InvoiceView;
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

/**
 * The key's user's invoices, through {@link InvoiceService} as the invoice pages: list, read, and the state moves
 * post, pay and cancel. Invoices are made from orders ({@code POST /v1/orders/{id}/invoice}).
 */
@Path("v1/invoices")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = Responses.KEY_REFUSED)
@APIResponse(responseCode = "403", ref = Responses.NO_RIGHT)
@APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
@APIResponse(responseCode = "429", ref = Responses.RATE_LIMITED)
@Tag(name = "invoices", description = "Invoices under the key's user's rights and record rules")
public class InvoicesResource {
    @EJB
    InvoiceService invoices;

    @GET
    @Operation(summary = "Invoices, a page at a time; filter by number, customer, state, invoiceDate, dueDate or total")
    public ListJson<InvoiceRow> list(@Context UriInfo uri) {
        ListParameters.Query<InvoiceField> query = ListParameters.parse(uri.getQueryParameters(), InvoiceField.class);
        return new ListJson<>(invoices.list(query.request(InvoiceField.class)), invoices.count(query.filters()),
                query.first(), query.size());
    }

    @GET
    @Path(Ids.ID)
    @Operation(summary = "One invoice with its lines")
    public InvoiceView get(@PathParam("id") long id) {
        return Outcomes.found(invoices.find(id));
    }

    @POST
    @Path(Ids.ID + "/post")
    @Operation(summary = "Posts a draft invoice")
    @APIResponse(responseCode = "409", ref = Responses.STATE_MOVE)
    public InvoiceView post(@PathParam("id") long id) {
        return move(id, InvoiceMove.POST);
    }

    @POST
    @Path(Ids.ID + "/pay")
    @Operation(summary = "Marks a posted invoice paid")
    @APIResponse(responseCode = "409", ref = Responses.STATE_MOVE)
    public InvoiceView pay(@PathParam("id") long id) {
        return move(id, InvoiceMove.PAY);
    }

    @POST
    @Path(Ids.ID + "/cancel")
    @Operation(summary = "Cancels an invoice, reopening its order for invoicing")
    @APIResponse(responseCode = "409", ref = Responses.STATE_MOVE)
    public InvoiceView cancel(@PathParam("id") long id) {
        return move(id, InvoiceMove.CANCEL);
    }

    private InvoiceView move(long id, InvoiceMove move) {
        return Outcomes.changed(invoices.move(id, move), 0, () -> Outcomes.found(invoices.find(id)));
    }
}
