package app.strongroom.batch.backup;

import app.strongroom.backup.BackupCatalog;
import app.strongroom.backup.BackupJobs;
import app.strongroom.backup.BackupLocations;
import app.strongroom.backup.BackupRuns;
import app.strongroom.backup.ScheduledRuns;
import app.strongroom.catalog.backup.Backup;
import app.strongroom.catalog.backup.BackupRun;
import app.strongroom.platform.PlatformSettings;
import app.strongroom.vault.location.DirectoryLocation;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The backup's clock. Daily at {@code strongroom.backup.daily-at} (UTC) every instance's timer fires and the one that
 * claims the day in the catalog starts the run; likewise the restore drill at {@code strongroom.drill.daily-at}. Every ten seconds each instance keeps its own runs alive and resumes
 * runs nobody kept alive (their server was killed): the backups they were writing are recorded as interrupted, their
 * partial files removed, and the run carried on without redoing the tenants it had done.
 */
@Singleton
@Startup
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BackupSchedule {
    private static final Logger LOG = Logger.getLogger(BackupSchedule.class.getName());
    private static final String DAILY = "daily backup";
    private static final String WATCH = "backup watch";
    private static final String DRILL = "daily drill";
    private static final long WATCH_MILLIS = 10_000;

    @Resource
    TimerService timers;
    @Inject
    PlatformSettings settings;
    @Inject
    BackupLocations locations;
    @EJB
    BackupJobs jobs;
    @EJB
    BackupRuns runs;
    @EJB
    BackupCatalog backups;
    @EJB
    ScheduledRuns claims;
    @Inject
    app.strongroom.files.FileStore files;
    @EJB
    app.strongroom.drill.DrillJobs drills;

    @PostConstruct
    void start() {
        LocalTime at = settings.dailyBackupAt();
        timers.createCalendarTimer(new ScheduleExpression().timezone("UTC").hour(at.getHour()).minute(at.getMinute())
                .second(0), new TimerConfig(DAILY, false));
        LocalTime drillAt = settings.dailyDrillAt();
        timers.createCalendarTimer(new ScheduleExpression().timezone("UTC").hour(drillAt.getHour())
                .minute(drillAt.getMinute()).second(0), new TimerConfig(DRILL, false));
        timers.createIntervalTimer(WATCH_MILLIS, WATCH_MILLIS, new TimerConfig(WATCH, false));
    }

    @Timeout
    void fire(Timer timer) {
        try {
            if (DAILY.equals(timer.getInfo())) {
                files.sweepTrash();
                if (claims.claim(BackupJobs.BACKUP, LocalDate.now(ZoneOffset.UTC))) {
                    LOG.info("daily backup claimed by this instance; job execution " + jobs.startBackup(java.util.Optional.empty()));
                }
            } else if (DRILL.equals(timer.getInfo())) {
                if (claims.claim(app.strongroom.drill.DrillJobs.DRILL, LocalDate.now(ZoneOffset.UTC))) {
                    LOG.info("daily restore drill claimed by this instance; job execution "
                            + drills.start(java.util.Optional.empty(), java.util.Optional.empty()));
                }
            } else {
                runs.beatOwnRuns();
                for (BackupRun abandoned : runs.abandoned(settings.backupRunStaleAfter())) {
                    if (runs.takeOver(abandoned.runKey(), settings.backupRunStaleAfter())) {
                        resume(abandoned);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "backup schedule: " + timer.getInfo() + " failed", e);
        }
    }

    private void resume(BackupRun run) {
        DirectoryLocation home = locations.home();
        for (Backup interrupted : backups.runningInRun(run.runKey())) {
            try {
                Files.deleteIfExists(home.partialBackup(interrupted.tenant().value().toString(), interrupted.name()));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot remove the partial file of interrupted backup " + interrupted.id(), e);
            }
            backups.fail(interrupted.id(), "interrupted: the server carrying out the run stopped; the run was resumed");
        }
        LOG.warning("backup run " + run.runKey() + " was abandoned by " + run.claimedBy() + "; resumed as job execution "
                + jobs.resume(run));
    }
}
