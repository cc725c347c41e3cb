package app.strongroom.web.download;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The network connection of a download, as far as the Servlet API does not reach: whether the client has given the
 * download up, and cutting a download off in the middle.
 *
 * <p>Payara (through Grizzly, its HTTP layer) does neither by itself. A client that resets an HTTP/2 stream (the
 * browser's Cancel) makes no write fail: the rest of a multi-gigabyte backup would be made and sent into the void, a
 * live download holding its company's lease all along. And a committed response is completed normally even when the
 * servlet throws: an HTTP/2 stream gets its END_STREAM, a chunked HTTP/1.1 body its last chunk, and a client would take
 * part of a backup for the whole. So the request's HTTP/2 stream or HTTP/1.1 connection is read, and the connection
 * closed, through Grizzly reached reflectively, so that no Payara class is compiled in (Micro and Server share it). On
 * a server without it the download runs on regardless and a failed one ends early instead of being cut.
 */
final class ClientConnection {
    private static final Logger LOG = Logger.getLogger(ClientConnection.class.getName());

    private final Object connection;
    private final Optional<Object> http2Stream;

    private ClientConnection(Object connection, Optional<Object> http2Stream) {
        this.connection = connection;
        this.http2Stream = http2Stream;
    }

    /** The connection {@code request} came on; empty where this server does not show it. */
    static Optional<ClientConnection> of(HttpServletRequest request) {
        ServletRequest unwrapped = request;
        while (unwrapped instanceof ServletRequestWrapper wrapper) {
            unwrapped = wrapper.getRequest();
        }
        try {
            Object grizzly = call(call(unwrapped, "getUnwrappedCoyoteRequest"), "getCoyoteRequest");
            Object packet = call(grizzly, "getRequest");
            Class<?> streams = Class.forName("org.glassfish.grizzly.http2.Http2Stream", true,
                    grizzly.getClass().getClassLoader());
            Class<?> header = Class.forName("org.glassfish.grizzly.http.HttpHeader", true,
                    grizzly.getClass().getClassLoader());
            Object stream = streams.getMethod("getStreamFor", header).invoke(null, packet);
            return Optional.of(new ClientConnection(call(grizzly, "getConnection"), Optional.ofNullable(stream)));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notPayara) {
            LOG.log(Level.FINE, "this server does not show a download's connection", notPayara);
            return Optional.empty();
        }
    }

    /** Whether the client reset the download's HTTP/2 stream or closed its connection. */
    boolean isGone() {
        try {
            if (http2Stream.isPresent()) {
                Method closed = http2Stream.get().getClass().getDeclaredMethod("isClosed");
                closed.setAccessible(true);
                return Boolean.TRUE.equals(closed.invoke(http2Stream.get()));
            }
            return Boolean.FALSE.equals(call(connection, "isOpen"));
        } catch (ReflectiveOperationException | RuntimeException unknown) {
            return false;
        }
    }

    /** Closes the connection, so the client sees the download broken off rather than complete. */
    void close() {
        try {
            call(connection, "closeSilently");
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot close the connection of a failed download; the response ends early instead",
                    e);
        }
    }

    private static Object call(Object target, String method) throws ReflectiveOperationException {
        Method m = target.getClass().getMethod(method);
        m.trySetAccessible();
        return m.invoke(target);
    }
}
