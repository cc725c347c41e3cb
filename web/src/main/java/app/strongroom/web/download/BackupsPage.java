package app.strongroom.web.download;

import app.strongroom.download.KeptDownloads;
import app.strongroom.download.KeptFile;
import app.strongroom.download.LiveDownloads;
import app.strongroom.download.RunningLive;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** The administrator's backups page: the live download (or the one running) and every kept backup to download. */
@Named
@RequestScoped
public class BackupsPage {
    private static final String LIVE_DOWNLOAD = "/downloads/backups" + BackupDownloadServlet.LIVE;
    @EJB
    KeptDownloads keptDownloads;
    @EJB
    LiveDownloads liveDownloads;

    private List<KeptFile> kept;
    private Optional<RunningLive> running;

    public void load() {
        kept = keptDownloads.list();
        running = liveDownloads.running();
    }

    /**
     * The live download button's action: Faces has checked the form's view state by now, so the post is handed to the
     * servlet that streams the backup ({@link BackupDownloadServlet}), which answers in its place.
     */
    public void downloadLive() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().dispatch(LIVE_DOWNLOAD);
        faces.responseComplete();
    }

    /**
     * Whether a live download is running, as the page was loaded; not asked again on the button's postback, where the
     * form must still be there to be decoded and the servlet answers a running one with 409.
     */
    public boolean isLiveRunning() {
        return running != null && running.isPresent();
    }

    public List<KeptFile> getKept() {
        return kept;
    }

    public Optional<RunningLive> getRunning() {
        return running;
    }
}
