package app.strongroom.web.files;

import app.strongroom.files.FileUpload;
import app.strongroom.files.StoredFileService;
import app.strongroom.files.StoredFileView;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.tenant.file.FileOwner;
import app.strongroom.web.Messages;
import app.strongroom.web.Units;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.primefaces.model.file.UploadedFile;

/**
 * The files section of a record's page (a contact, an order, an invoice): list, attach, delete. The service decides
 * who may do what, by the rights and rules of the record the files hang on.
 */
public abstract class RecordFilesSection implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    transient StoredFileService files;
    @Inject
    transient PlatformSettings settings;

    private transient UploadedFile upload;
    private transient List<StoredFileView> list;

    /** The record shown on the page; empty while it is being created. */
    protected abstract Optional<FileOwner> owner();

    /** Says so when the last upload was turned away for its size before it reached the page. */
    public void load() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        if (external.getSessionMap().remove(UploadLimitFilter.REFUSED) != null) {
            Messages.error("files.tooLarge", Units.human(settings.maxFileBytes()));
        }
    }

    public List<StoredFileView> getFiles() {
        if (list == null) {
            list = owner().map(files::files).orElse(List.of());
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
            outcome = owner().map(o -> files.upload(o, upload.getFileName(), upload.getContentType(), content))
                    .orElseGet(FileUpload.NotFound::new);
        }
        if (outcome instanceof FileUpload.Stored stored) {
            Messages.info("files.stored", stored.file().name());
        } else if (outcome instanceof FileUpload.TooLarge tooLarge) {
            Messages.fieldError("files:upload", Messages.text("files.tooLarge", Units.human(tooLarge.limitBytes())));
        } else if (outcome instanceof FileUpload.Empty) {
            Messages.fieldError("files:upload", Messages.text("files.empty"));
        } else {
            Messages.error("files.ownerNotFound");
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
