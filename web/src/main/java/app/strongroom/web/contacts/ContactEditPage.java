package app.strongroom.web.contacts;

import app.strongroom.contacts.ContactChange;
import app.strongroom.contacts.ContactService;
import app.strongroom.contacts.ContactView;
import app.strongroom.tenant.contact.ContactId;
import app.strongroom.web.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;

/** Creates a contact (no id) or edits one (id in the URL). An id of another tenant is simply not found. */
@Named
@ViewScoped
public class ContactEditPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    transient ContactService contacts;

    private String id;
    private long version;
    private boolean found = true;
    private ContactForm form = new ContactForm();

    public void load() {
        if (id == null) {
            return;
        }
        Optional<ContactView> contact = contactId().flatMap(contacts::find);
        found = contact.isPresent();
        contact.ifPresentOrElse(c -> {
            form = ContactForm.of(c);
            version = c.version();
        }, () -> Messages.error("contact.notFound"));
    }

    public String save() {
        try {
            if (id == null) {
                contacts.create(form.toDetails());
                return "/app/contacts.xhtml?faces-redirect=true";
            }
            return outcome(contactId().map(c -> contacts.update(c, version, form.toDetails()))
                    .orElseGet(ContactChange.NotFound::new));
        } catch (IllegalArgumentException invalid) {
            Messages.fieldError(null, invalid.getMessage());
            return null;
        }
    }

    public String delete() {
        return outcome(contactId().map(contacts::delete).orElseGet(ContactChange.NotFound::new));
    }

    /** The id from the URL, if it is one at all: anything else is a contact that does not exist. */
    private Optional<ContactId> contactId() {
        try {
            return Optional.of(new ContactId(Long.parseLong(id)));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private String outcome(ContactChange change) {
        if (change instanceof ContactChange.Done) {
            return "/app/contacts.xhtml?faces-redirect=true";
        }
        Messages.error(change instanceof ContactChange.Stale ? "contact.stale" : "contact.notFound");
        return null;
    }

    public boolean isNew() {
        return id == null;
    }

    public boolean isFound() {
        return found;
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
