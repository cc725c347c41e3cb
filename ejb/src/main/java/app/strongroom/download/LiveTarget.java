package app.strongroom.download;

import java.io.IOException;
import java.io.OutputStream;

/** Where a live download goes: opened only once the tenant's lease is held, so a refused download sends nothing. */
@FunctionalInterface
public interface LiveTarget {
    /** Starts the answer as the attachment {@code fileName} and returns the stream its bytes go to. */
    OutputStream open(String fileName) throws IOException;
}
