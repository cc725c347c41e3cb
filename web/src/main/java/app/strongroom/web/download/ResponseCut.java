package app.strongroom.web.download;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Cuts a download off in the middle. The Servlet API has no way to abort a response, and Payara completes a committed
 * one normally even when the servlet throws: an HTTP/2 stream gets its END_STREAM, a chunked HTTP/1.1 body its last
 * chunk, and a client would take part of a backup for the whole. So the request's network connection is closed,
 * through Grizzly (Payara's HTTP layer, on Micro and Server alike), reached reflectively so that no Payara class is
 * compiled in. On HTTP/2 this also ends the client's other requests on that connection, which it sends again; it
 * happens only when a download fails half-way.
 */
final class ResponseCut {
    private static final Logger LOG = Logger.getLogger(ResponseCut.class.getName());

    private ResponseCut() {
    }

    /** Closes the connection {@code request} came on; false where this server offers no way to. */
    static boolean closeConnection(HttpServletRequest request) {
        ServletRequest unwrapped = request;
        while (unwrapped instanceof ServletRequestWrapper wrapper) {
            unwrapped = wrapper.getRequest();
        }
        try {
            Object catalina = call(unwrapped, "getUnwrappedCoyoteRequest");
            Object grizzly = call(catalina, "getCoyoteRequest");
            Object connection = call(grizzly, "getConnection");
            call(connection, "closeSilently");
            return true;
        } catch (ReflectiveOperationException | RuntimeException notPayara) {
            LOG.log(Level.WARNING, "cannot close the connection of a failed download on this server; the response "
                    + "ends early instead", notPayara);
            return false;
        }
    }

    private static Object call(Object target, String method) throws ReflectiveOperationException {
        Method m = target.getClass().getMethod(method);
        m.trySetAccessible();
        return m.invoke(target);
    }
}
