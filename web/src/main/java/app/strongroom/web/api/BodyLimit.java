package app.strongroom.web.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Bounds what a request body may be, before anything reads it: a declared length over the bound is refused at once
 * with 413, and a body without one (chunked) is cut off where it passes the bound, so no request makes the server
 * buffer more. The largest record the APIs take (a contact with a mebibyte of notes) fits.
 */
@Provider
@PreMatching
public class BodyLimit implements ContainerRequestFilter {
    public static final int MAX_BYTES = 3 * 1024 * 1024;
    /**
     * Set on a request whose body was cut off: readers wrap the stream's exception in their own, not always keeping
     * it as the cause, so the mappers ask the request rather than the exception.
     */
    private static final String TRIPPED = BodyLimit.class.getName() + ".tripped";

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BYTES) {
            request.abortWith(tooLarge().response().build());
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream(), () -> request.setProperty(TRIPPED, true)));
        }
    }

    /** Whether this request's body was cut off at the bound. */
    static boolean tripped(jakarta.servlet.ServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(TRIPPED));
    }

    static Problem tooLarge() {
        return Problem.of(ProblemType.BODY_TOO_LARGE, "A request body may be at most " + MAX_BYTES + " bytes.");
    }

    /** Thrown where a body without a declared length passes the bound. */
    public static class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("request body over " + MAX_BYTES + " bytes");
        }
    }

    private static final class Bounded extends FilterInputStream {
        private final Runnable onTrip;
        private long read;

        Bounded(InputStream in, Runnable onTrip) {
            super(in);
            this.onTrip = onTrip;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > MAX_BYTES) {
                onTrip.run();
                throw new TooLarge();
            }
        }
    }
}
