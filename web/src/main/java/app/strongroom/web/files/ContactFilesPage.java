package app.strongroom.web.files;

import app.strongroom.files.FileUpload;
import app.strongroom.files.StoredFileService;
import app.strongroom.files.StoredFileView;
import app.strongroom.web.Messages;
import app.strongroom.web.Units;
import app.strongroom.web.contacts.ContactEditPage;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import org.primefaces.model.file.UploadedFile;

/** The files attached to the contact on the contact page: list, attach, delete. */
@Named
@ViewScoped
public class ContactFilesPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    transient StoredFileService files;
    @Inject
    ContactEditPage contact;
    @Inject
    transient app.strongroom.platform.PlatformSettings settings;

    private transient UploadedFile upload;
    private transient List<StoredFileView> list;

    /** Says so when the last upload was turned away for its size before it reached the page. */
    public void load() {
        jakarta.faces.context.ExternalContext external = jakarta.faces.context.FacesContext.getCurrentInstance()
                .getExternalContext();
        if (external.getSessionMap().remove(UploadLimitFilter.REFUSED) != null) {
            Messages.error("files.tooLarge", Units.human(settings.maxFileBytes()));
        }
    }

    public List<StoredFileView> getFiles() {
        if (list == null) {
            list = contact.contact().map(files::files).orElse(List.of());
        }
        return list;
    }

    public void attach() throws IOException {
        if (upload == null || upload.getFileName() == null || upload.getFileName().isBlank()) {
            Messages.fieldError("files:upload", Messages.text("files.noFile"));
            return;
        }
        FileUpload outcome;
        try (InputStream content = upload.getInputStream()) {
            outcome = contact.contact().map(id -> files.upload(id, upload.getFileName(), upload.getContentType(), content))
                    .orElseGet(FileUpload.NotFound::new);
        }
        if (outcome instanceof FileUpload.Stored stored) {
            Messages.info("files.stored", stored.file().name());
        } else if (outcome instanceof FileUpload.TooLarge tooLarge) {
            Messages.fieldError("files:upload", Messages.text("files.tooLarge", Units.human(tooLarge.limitBytes())));
        } else if (outcome instanceof FileUpload.Empty) {
            Messages.fieldError("files:upload", Messages.text("files.empty"));
        } else {
            Messages.error("contact.notFound");
        }
        list = null;
    }

    public void delete(long id) {
        if (files.delete(id)) {
            Messages.info("files.deleted");
        } else {
            Messages.error("files.notFound");
        }
        list = null;
    }

    public UploadedFile getUpload() {
        return upload;
    }

    public void setUpload(UploadedFile upload) {
        this.upload = upload;
    }
}
