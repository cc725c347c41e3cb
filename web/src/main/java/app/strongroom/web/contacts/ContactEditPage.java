package app.strongroom.web.contacts;

import app.strongroom.common.InvalidValue;
import app.strongroom.contacts.ContactChange;
import app.strongroom.contacts.ContactService;
import app.strongroom.contacts.ContactView;
import app.strongroom.defaults.NewRecordDefaults;
import app.strongroom.tenant.access.AccessRefused;
import app.strongroom.tenant.access.RecordModel;
import app.strongroom.tenant.contact.ContactId;
import app.strongroom.web.Messages;
import app.strongroom.web.Responses;
import app.strongroom.web.records.Refusals;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;

/** Creates a contact (no id) or edits one (id in the URL). An id of another tenant is simply not found (404). */
@Named
@ViewScoped
public class ContactEditPage implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String LIST = "/app/contacts.xhtml?faces-redirect=true";

    @EJB
    transient ContactService contacts;
    @EJB
    transient NewRecordDefaults defaults;

    private String id;
    private long version;
    private ContactForm form = new ContactForm();

    public void load() {
        try {
            if (id == null) {
                form = ContactForm.blank(defaults.of(RecordModel.CONTACT));
                return;
            }
            contactId().flatMap(contacts::find).ifPresentOrElse(c -> {
                form = ContactForm.of(c);
                version = c.version();
            }, Responses::notFound);
        } catch (AccessRefused refused) {
            Responses.forbidden();
        }
    }

    public String save() {
        return Refusals.attempt("contact", this::saveChecked);
    }

    private String saveChecked() {
        try {
            if (id == null) {
                contacts.create(form.toDetails());
                Messages.infoAfterRedirect("contact.created", form.getName());
                return LIST;
            }
            return outcome(contactId().map(c -> contacts.update(c, version, form.toDetails()))
                    .orElseGet(ContactChange.NotFound::new), "contact.saved");
        } catch (InvalidValue invalid) {
            Messages.fieldError("contact:" + ("e-mail".equals(invalid.field()) ? "email" : invalid.field()),
                    invalid.rule());
            return null;
        }
    }

    public String delete() {
        return Refusals.attempt("contact", () -> outcome(contactId().map(contacts::delete)
                .orElseGet(ContactChange.NotFound::new), "contact.deleted"));
    }

    /** The contact being edited; empty on a new one. */
    public Optional<ContactId> contact() {
        return id == null ? Optional.empty() : contactId();
    }

    /** The id from the URL, if it is one at all: anything else is a contact that does not exist. */
    private Optional<ContactId> contactId() {
        try {
            return Optional.of(new ContactId(Long.parseLong(id)));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private String outcome(ContactChange change, String doneKey) {
        if (change instanceof ContactChange.Done) {
            Messages.infoAfterRedirect(doneKey, form.getName());
            return LIST;
        }
        Messages.error(change instanceof ContactChange.Stale ? "contact.stale" : "contact.notFound");
        return null;
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

    public ContactForm getForm() {
        return form;
    }
}
