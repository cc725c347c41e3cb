package app.strongroom.web.monitoring;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Up (200) when this instance can reach the catalog database, without which no page works; down (503) otherwise.
 * The answer is the status alone: anyone may ask, so it names no database, version or figure.
 */
@WebServlet(name = "health", urlPatterns = "/health")
public class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(HealthServlet.class.getName());
    private static final int VALIDATION_SECONDS = 3;

    @Resource(lookup = "java:app/jdbc/catalog")
    transient DataSource catalog;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean up = catalogReachable(catalog);
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body(up));
    }

    static String body(boolean up) {
        return up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}";
    }

    static boolean catalogReachable(DataSource catalog) {
        try (Connection c = catalog.getConnection()) {
            return c.isValid(VALIDATION_SECONDS);
        } catch (SQLException | RuntimeException e) {
            // The reason goes to the log, for the operator; the caller learns only that the instance is down.
            LOG.log(Level.WARNING, "health check: the catalog database cannot be reached", e);
            return false;
        }
    }
}
