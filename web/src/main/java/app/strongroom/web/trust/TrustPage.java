package app.strongroom.web.trust;

import app.strongroom.trust.TrustReport;
import app.strongroom.trust.TrustReportService;
import app.strongroom.web.Durations;
import app.strongroom.web.Times;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The trust page: the report as it stands, and the backup sizes as a Chart.js bar chart, oldest first. */
@Named
@RequestScoped
public class TrustPage {
    @EJB
    TrustReportService service;
    @Inject
    Times times;

    private TrustReport report;
    private List<TrustReportService.DrillPoint> drills;

    public void load() {
        report = service.report();
    }

    /**
     * Read again when a postback (the sign-out form) finds none: the page's tables are decoded before its actions, and
     * view actions run on the first request only.
     */
    public TrustReport getReport() {
        if (report == null) {
            report = service.report();
        }
        return report;
    }

    public List<Map.Entry<String, Integer>> getContinents() {
        return new ArrayList<>(getReport().safeCopiesPerContinent().entrySet());
    }

    public String restoreTime(TrustReport.LastDrill drill) {
        return drill.restoreTime().map(d -> Durations.human(d.toNanos())).orElse("");
    }

    /** Restore times of the last drills in seconds, failed ones in red, as Chart.js reads its configuration. */
    public String getDrillChart() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder seconds = Json.createArrayBuilder();
        JsonArrayBuilder colours = Json.createArrayBuilder();
        for (TrustReportService.DrillPoint drill : drillHistory()) {
            labels.add(times.minute(drill.at()));
            seconds.add(drill.restoreTime().toMillis() / 1000.0);
            colours.add(drill.passed() ? "#2e7d32" : "#c62828");
        }
        return barChart(labels, Json.createObjectBuilder().add("label", "s").add("data", seconds)
                .add("backgroundColor", colours));
    }

    public List<TrustReportService.DrillPoint> drillHistory() {
        if (drills == null) {
            drills = service.drillHistory();
        }
        return drills;
    }

    /** Sizes in MB, with the day each was made, as Chart.js reads its configuration. */
    public String getSizeChart() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder sizes = Json.createArrayBuilder();
        List<TrustReport.KeptBackup> oldestFirst = new ArrayList<>(getReport().backups());
        java.util.Collections.reverse(oldestFirst);
        for (TrustReport.KeptBackup backup : oldestFirst) {
            labels.add(times.minute(backup.madeAt()));
            sizes.add(Math.round(backup.sizeBytes() / 10_000.0) / 100.0);
        }
        return barChart(labels, Json.createObjectBuilder().add("label", "MB").add("data", sizes)
                .add("backgroundColor", "#3b6ea5"));
    }

    private static String barChart(JsonArrayBuilder labels, jakarta.json.JsonObjectBuilder dataset) {
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(dataset)))
                .add("options", Json.createObjectBuilder()
                        .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder()
                                .add("display", false)))
                        .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder()
                                .add("beginAtZero", true))))
                .build().toString();
    }
}
