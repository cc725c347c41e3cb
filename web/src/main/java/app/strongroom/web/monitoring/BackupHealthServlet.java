package app.strongroom.web.monitoring;

import app.strongroom.alarm.Alarms;
import app.strongroom.catalog.alarm.Alarm;
import app.strongroom.catalog.alarm.AlarmKind;
import app.strongroom.platform.PlatformSettings;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * The backups' health, for monitoring to poll (P11): 200 and {@code "UP"} while every tenant has a safe backup younger
 * than the recovery point objective and every drill passed; 503 and {@code "DOWN"} with the tenants concerned
 * otherwise. Kept apart from {@code /health}, whose answer load balancers act on: a missed recovery point is a reason
 * to wake an operator, not to take the instance out of service. Like {@code /metrics}, only signed-in staff and the
 * monitoring addresses get an answer; anyone else gets a 404, since tenant names are not for strangers.
 */
@WebServlet(name = "backupHealth", urlPatterns = "/health/backups")
public class BackupHealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient PlatformSettings settings;
    @EJB
    transient Alarms alarms;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!MonitoringAccess.allowed(request, settings)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        List<Alarm> open = alarms.open();
        response.setStatus(open.isEmpty() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder()
                .add("status", open.isEmpty() ? "UP" : "DOWN")
                .add("recoveryPointMissed", subjects(open, AlarmKind.RECOVERY_POINT_MISSED))
                .add("drillFailed", subjects(open, AlarmKind.DRILL_FAILED))
                .build().toString());
    }

    private static JsonArrayBuilder subjects(List<Alarm> open, AlarmKind kind) {
        JsonArrayBuilder subjects = Json.createArrayBuilder();
        open.stream().filter(a -> a.kind() == kind).map(Alarm::subject).sorted().forEach(subjects::add);
        return subjects;
    }
}
