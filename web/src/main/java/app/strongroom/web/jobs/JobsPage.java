package app.strongroom.web.jobs;

import app.strongroom.jobs.ExecutionPage;
import app.strongroom.jobs.JobConsole;
import app.strongroom.jobs.JobExecutionView;
import app.strongroom.jobs.JobName;
import app.strongroom.web.Responses;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The console's executions, newest first, one page at a time (view parameters {@code job} and {@code first}). The
 * view keeps the ids of the rows it shows, so a button pressed on a row acts on the execution that row showed even
 * if new executions started meanwhile. The rows are read when the page loads and again on every poll, which runs
 * while anything runs.
 */
@Named
@ViewScoped
public class JobsPage implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 15;

    @EJB
    transient JobConsole console;

    private String job;
    private int first;
    private final List<Long> shown = new ArrayList<>();
    private long total;
    private transient List<JobExecutionView> rows;

    public void load() {
        if (first < 0 || (job != null && !job.isBlank() && JobName.of(job).isEmpty())) {
            Responses.notFound();
            return;
        }
        refresh();
    }

    /** Reads the page again: executions started since appear at the top. */
    public void refresh() {
        ExecutionPage page = console.executions(filter(), first, PAGE_SIZE);
        shown.clear();
        page.executions().forEach(e -> shown.add(e.id()));
        total = page.total();
        rows = page.executions();
    }

    /** The rows the person sees; read again by id only if the view was stored away meanwhile. */
    public List<JobExecutionView> getRows() {
        if (rows == null) {
            rows = shown.stream().map(console::find).flatMap(Optional::stream).toList();
        }
        return rows;
    }

    public boolean isAnyRunning() {
        return getRows().stream().anyMatch(JobExecutionView::stoppable);
    }

    public List<JobName> getJobs() {
        return List.of(JobName.values());
    }

    public long getTotal() {
        return total;
    }

    public boolean isNewer() {
        return first > 0;
    }

    public boolean isOlder() {
        return first + PAGE_SIZE < total;
    }

    public int getNewerFirst() {
        return Math.max(0, first - PAGE_SIZE);
    }

    public int getOlderFirst() {
        return first + PAGE_SIZE;
    }

    public String getJob() {
        return job;
    }

    public void setJob(String job) {
        this.job = job;
    }

    public int getFirst() {
        return first;
    }

    public void setFirst(int first) {
        this.first = first;
    }

    private Optional<JobName> filter() {
        return Optional.ofNullable(job).flatMap(JobName::of);
    }
}
