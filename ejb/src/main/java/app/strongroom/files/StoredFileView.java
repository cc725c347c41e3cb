package app.strongroom.files;

import app.strongroom.tenant.file.StoredFile;
import java.time.OffsetDateTime;

/** A stored file as pages list it. */
public record StoredFileView(long id, String name, String contentType, long size, OffsetDateTime uploadedAt,
                             String uploadedBy) {
    static StoredFileView of(StoredFile f) {
        return new StoredFileView(f.id(), f.name(), f.contentType(), f.size(), f.uploadedAt(), f.uploadedBy());
    }
}
