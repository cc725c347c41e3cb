package app.strongroom.jobs;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes bytes on and tells a {@link ProgressSink} how many went through, in steps of {@link #REPORT_EVERY} and the
 * rest on close, so a multi-gigabyte backup moves the bar as it is written without a catalog update per buffer.
 */
public final class CountingOutputStream extends FilterOutputStream {
    static final long REPORT_EVERY = 4L << 20;

    private final ProgressSink sink;
    private long unreported;

    public CountingOutputStream(OutputStream out, ProgressSink sink) {
        super(out);
        this.sink = sink;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        counted(1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        counted(len);
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            report();
        }
    }

    private void counted(long bytes) {
        unreported += bytes;
        if (unreported >= REPORT_EVERY) {
            report();
        }
    }

    private void report() {
        if (unreported > 0) {
            long bytes = unreported;
            unreported = 0;
            sink.advance(0, bytes);
        }
    }
}
