package app.strongroom.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.LongAdder;

/**
 * What refusing a locked sign-in costs this instance, measured inside the sign-in service (from the request reaching
 * it to its answer), so the staff console and the benchmark can show it apart from HTTP and page rendering.
 */
@ApplicationScoped
public class SignInStatistics {
    private final LongAdder lockedRefusals = new LongAdder();
    private final LongAdder lockedRefusalNanos = new LongAdder();

    void lockedRefusal(long nanos) {
        lockedRefusals.increment();
        lockedRefusalNanos.add(nanos);
    }

    public long lockedRefusals() {
        return lockedRefusals.sum();
    }

    /** The total time spent refusing locked sign-ins, in nanoseconds. */
    public long lockedRefusalNanos() {
        return lockedRefusalNanos.sum();
    }
}
