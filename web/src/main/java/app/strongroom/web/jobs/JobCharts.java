package app.strongroom.web.jobs;

import app.strongroom.jobs.JobTrends;
import app.strongroom.web.Messages;
import app.strongroom.web.Times;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;

/** The console's charts, as Chart.js reads its configuration: the daily backup's size, the drills' restore times. */
@Named
@RequestScoped
public class JobCharts {
    static final int DAYS = 90;

    @EJB
    JobTrends trends;
    @Inject
    Times times;

    private List<JobTrends.DailyBackupSize> sizes;
    private List<JobTrends.DrillTime> drills;

    public boolean isBackups() {
        return !sizes().isEmpty();
    }

    public boolean isDrills() {
        return !drills().isEmpty();
    }

    /** Megabytes per UTC day: every tenant's newest good backup of the day. */
    public String getBackupSizes() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder values = Json.createArrayBuilder();
        for (JobTrends.DailyBackupSize day : sizes()) {
            labels.add(day.day().toString());
            values.add(Math.round(day.bytes() / 10_000.0) / 100.0);
        }
        return chart("bar", labels, values, Messages.text("jobs.chart.megabytes"));
    }

    /** Seconds each drill that passed took to restore, in the order they ran. */
    public String getDrillTimes() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder values = Json.createArrayBuilder();
        for (JobTrends.DrillTime drill : drills()) {
            labels.add(times.minute(drill.startedAt()));
            values.add(drill.restore().toMillis() / 1000.0);
        }
        return chart("line", labels, values, Messages.text("jobs.chart.seconds"));
    }

    private static String chart(String type, JsonArrayBuilder labels, JsonArrayBuilder values, String unit) {
        return Json.createObjectBuilder()
                .add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("label", unit).add("data", values)
                                .add("backgroundColor", "#3b6ea5").add("borderColor", "#3b6ea5"))))
                .add("options", Json.createObjectBuilder()
                        .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder()
                                .add("display", false)))
                        .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder()
                                .add("beginAtZero", true).add("title", Json.createObjectBuilder()
                                        .add("display", true).add("text", unit)))))
                .build().toString();
    }

    private List<JobTrends.DailyBackupSize> sizes() {
        if (sizes == null) {
            sizes = trends.backupSizes(DAYS);
        }
        return sizes;
    }

    private List<JobTrends.DrillTime> drills() {
        if (drills == null) {
            drills = trends.drillTimes(DAYS);
        }
        return drills;
    }
}
