package app.strongroom.web.files;

import app.strongroom.tenant.access.RecordModel;
import app.strongroom.tenant.file.FileOwner;
import app.strongroom.web.contacts.ContactEditPage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/** The files attached to the contact on the contact page. */
@Named
@ViewScoped
public class ContactFilesPage extends RecordFilesSection {
    private static final long serialVersionUID = 1L;

    @Inject
    ContactEditPage contact;

    @Override
    protected Optional<FileOwner> owner() {
        return contact.contact().map(id -> new FileOwner(RecordModel.CONTACT, id.value()));
    }
}
