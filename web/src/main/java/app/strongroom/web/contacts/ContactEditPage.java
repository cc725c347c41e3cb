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

    private Long id;
    private long version;
    private boolean found = true;
    private ContactForm form = new ContactForm();

    public void load() {
        if (id == null) {
            return;
        }
        Optional<ContactView> contact = id > 0 ? contacts.find(new ContactId(id)) : Optional.empty();
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
            return outcome(contacts.update(new ContactId(id), version, form.toDetails()));
        } catch (IllegalArgumentException invalid) {
            Messages.fieldError(null, invalid.getMessage());
            return null;
        }
    }

    public String delete() {
        return outcome(contacts.delete(new ContactId(id)));
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

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public ContactForm getForm() {
        return form;
    }
}
