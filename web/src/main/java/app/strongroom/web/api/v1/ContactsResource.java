package app.strongroom.web.api.v1;

import app.strongroom.contacts.ContactQuery;
import app.strongroom.contacts.ContactService;
import app.strongroom.contacts.ContactView;
import app.strongroom.common.InvalidValue;
import app.strongroom.tenant.contact.ContactDetails;
import app.strongroom.tenant.contact.ContactField;
import app.strongroom.tenant.contact.ContactId;
import app.strongroom.web.api.Problem;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BadRequestException;
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

/** The key's user's contacts, through {@link ContactService} as the contact pages. */
@Path("v1/contacts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "contacts", description = "Contacts under the key's user's rights and record rules")
@APIResponse(responseCode = "401", ref = Responses.KEY_REFUSED)
@APIResponse(responseCode = "403", ref = Responses.NO_RIGHT)
@APIResponse(responseCode = "429", ref = Responses.RATE_LIMITED)
public class ContactsResource {
    @EJB
    ContactService contacts;

    @GET
    @Operation(summary = "Contacts, a page at a time; filter by name, email, phone, company or city (contains)")
    public ListJson<ContactView> list(@Context UriInfo uri) {
        ListParameters.Query<ContactField> query = ListParameters.parse(uri.getQueryParameters(), ContactField.class);
        return new ListJson<>(contacts.list(new ContactQuery(query.filters(), query.sort(), query.ascending(),
                query.first(), query.size())), contacts.count(query.filters()), query.first(), query.size());
    }

    @GET
    @Path(Ids.ID)
    @Operation(summary = "One contact")
    @APIResponse(responseCode = "404", description = "No such contact that the key's user can see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ContactView get(@PathParam("id") long id) {
        return Outcomes.found(contacts.find(new ContactId(id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Makes a contact; a company or city left out takes the tenant's default")
    @APIResponse(responseCode = "201", description = "Made; Location names it")
    @APIResponse(responseCode = "422", description = "A value a rule refuses",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(ContactInput input, @Context UriInfo uri) {
        ContactId id = contacts.createWithDefaults(details(input));
        return Outcomes.created(uri.getAbsolutePathBuilder().path(Long.toString(id.value())).build(),
                Outcomes.found(contacts.find(id)));
    }

    @PUT
    @Path(Ids.ID)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Changes a contact still at the version given")
    @APIResponse(responseCode = "409", ref = Responses.STALE)
    public ContactView update(@PathParam("id") long id, ContactInput input) {
        long version = Outcomes.required(body(input).version());
        ContactId contact = new ContactId(id);
        return Outcomes.changed(contacts.update(contact, version, details(input)), version,
                () -> Outcomes.found(contacts.find(contact)));
    }

    private static ContactDetails details(ContactInput input) {
        ContactInput in = body(input);
        try {
            return ContactDetails.of(in.name(), in.email(), in.phone(), in.company(), in.city(), in.notes());
        } catch (InvalidValue invalid) {
            throw invalid;
        } catch (IllegalArgumentException invalid) {
            throw new InvalidValue("contact", invalid.getMessage());
        }
    }

    static <T> T body(T input) {
        if (input == null) {
            throw new BadRequestException("Send the record as a JSON object.");
        }
        return input;
    }
}
