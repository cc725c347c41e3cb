package app.strongroom.files;

/** What became of an upload. Only {@link Stored} kept anything. */
public sealed interface FileUpload {
    record Stored(StoredFileView file) implements FileUpload {
    }

    /** Longer than the limit; nothing was kept. */
    record TooLarge(long limitBytes) implements FileUpload {
    }

    /** No content; nothing was kept. */
    record Empty() implements FileUpload {
    }

    /** The record to attach to does not exist (for this tenant). */
    record NotFound() implements FileUpload {
    }
}
