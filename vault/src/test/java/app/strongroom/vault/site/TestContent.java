package app.strongroom.vault.site;

import app.strongroom.vault.format.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Objects of any size made on the fly from a seed, so tests of large objects hold none of them in memory. */
public final class TestContent {
    private TestContent() {
    }

    /** {@code size} pseudo-random bytes determined by {@code seed}. */
    public static InputStream stream(long size, long seed) {
        return new InputStream() {
            private final SplittableRandom random = new SplittableRandom(seed);
            private long left = size;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) random.nextInt(256);
                }
                left -= n;
                return n;
            }
        };
    }

    public static String sha256(long size, long seed) {
        try (InputStream in = stream(size, seed)) {
            return Digests.sha256Of(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(String text) {
        return Digests.hex(Digests.sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static InputStream stream(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    public static long size(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Gives {@code good} bytes of {@code content}, then fails as a broken disk or connection would. */
    public static InputStream failingAfter(long good, long seed) {
        InputStream content = stream(good, seed);
        return new InputStream() {
            @Override
            public int read() throws IOException {
                int b = content.read();
                if (b < 0) {
                    throw new IOException("the source broke off");
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = content.read(b, off, len);
                if (n < 0) {
                    throw new IOException("the source broke off");
                }
                return n;
            }
        };
    }
}
