package app.strongroom.web.monitoring;

import app.strongroom.platform.PlatformSettings;
import app.strongroom.staff.PlatformFigures;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The figures in the Prometheus text format, for platform staff signed in and for the configured monitoring
 * addresses. Anyone else gets the same 404 as for a page that does not exist: heap, thread and pool figures help an
 * attacker time a denial of service or fingerprint the server, and the answer does not even admit they exist.
 */
@WebServlet(name = "metrics", urlPatterns = "/metrics")
public class MetricsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient PlatformSettings settings;
    @Inject
    transient PlatformFigures figures;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!MonitoringAccess.allowed(request, settings)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(PrometheusText.CONTENT_TYPE);
        response.getWriter().write(PrometheusText.of(figures.current()));
    }
}
