package app.strongroom.jobs;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where a long piece of work inside one service call (a replication pass, a restore) says how far it has come. The
 * work never fails because its progress could not be told: a lost report only makes the bar lag.
 */
public interface ProgressSink {
    /** For work nobody watches. */
    ProgressSink NONE = new ProgressSink() {
        @Override
        public void expect(long units) {
        }

        @Override
        public void advance(long units, long bytes) {
        }
    };

    void expect(long units);

    void advance(long units, long bytes);

    /** Reports into the execution's tracked progress. */
    static ProgressSink of(JobProgress progress, long executionId) {
        Logger log = Logger.getLogger(ProgressSink.class.getName());
        return new ProgressSink() {
            @Override
            public void expect(long units) {
                try {
                    progress.expect(executionId, units);
                } catch (RuntimeException e) {
                    log.log(Level.FINE, "progress of execution " + executionId + " not recorded", e);
                }
            }

            @Override
            public void advance(long units, long bytes) {
                try {
                    progress.advance(executionId, units, bytes);
                } catch (RuntimeException e) {
                    log.log(Level.FINE, "progress of execution " + executionId + " not recorded", e);
                }
            }
        };
    }
}
