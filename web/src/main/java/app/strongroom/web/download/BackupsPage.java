package app.strongroom.web.download;

import app.strongroom.download.KeptDownloads;
import app.strongroom.download.KeptFile;
import app.strongroom.download.LiveDownloads;
import app.strongroom.download.RunningLive;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/** The administrator's backups page: the live download (or the one running) and every kept backup to download. */
@Named
@RequestScoped
public class BackupsPage {
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

    public List<KeptFile> getKept() {
        return kept;
    }

    public Optional<RunningLive> getRunning() {
        return running;
    }
}
