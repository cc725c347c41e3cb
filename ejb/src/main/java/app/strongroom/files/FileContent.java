package app.strongroom.files;

import java.io.InputStream;

/** A stored file being downloaded: how to name and describe it, and its decrypted content (the caller closes it). */
public record FileContent(String name, String contentType, long size, InputStream content) {
}
