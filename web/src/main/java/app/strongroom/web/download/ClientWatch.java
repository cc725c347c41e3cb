package app.strongroom.web.download;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * A download's output that stops, with {@link ClientGone}, once its client has given it up: looked at after every
 * mebibyte, which costs nothing next to writing it.
 */
final class ClientWatch extends FilterOutputStream {
    private static final long EVERY = 1 << 20;

    private final Optional<ClientConnection> connection;
    private long sinceLook;

    ClientWatch(OutputStream out, Optional<ClientConnection> connection) {
        super(out);
        this.connection = connection;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        sinceLook += len;
        if (sinceLook >= EVERY) {
            sinceLook = 0;
            if (connection.map(ClientConnection::isGone).orElse(false)) {
                throw new ClientGone();
            }
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    /** The client gave the download up (reset its stream, closed its connection). */
    static final class ClientGone extends IOException {
        private static final long serialVersionUID = 1L;

        ClientGone() {
            super("the client gave the download up");
        }
    }
}
