package app.strongroom.catalog.backup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Which good backups are kept (P6): with one backup a day, exactly 14 reaching about three months back.
 * <ol>
 * <li>Daily: the newest backup of each of the {@code daily} most recent UTC calendar days that have one.</li>
 * <li>Weekly: among backups older than the oldest kept so far, the newest of each of the {@code weekly} most recent
 * ISO weeks that have one.</li>
 * <li>Monthly: among backups older than the oldest kept so far, the newest of each of the {@code monthly} most
 * recent calendar months that have one.</li>
 * </ol>
 * A backup kept by an earlier rule never counts for a later one. Pinned backups are kept apart and count for no rule.
 * Everything else is deleted. The newest backup is always kept: it is the first daily one.
 */
public record Retention(int daily, int weekly, int monthly) {
    public static final Retention STANDARD = new Retention(7, 4, 3);

    public Retention {
        if (daily < 1 || weekly < 0 || monthly < 0) {
            throw new IllegalArgumentException("retention keeps at least one daily backup");
        }
    }

    /** Why a backup is kept. */
    public enum Rule { DAILY, WEEKLY, MONTHLY, PINNED }

    /** A good backup as retention sees it. */
    public record Candidate<K>(K key, Instant at, boolean pinned) {
        public Candidate {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(at, "at");
        }
    }

    /** What to keep, each with its rule, newest first; and what to delete. */
    public record Decision<K>(Map<K, Rule> kept, List<K> deleted) {
        public Decision {
            kept = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kept));
            deleted = List.copyOf(deleted);
        }
    }

    public <K> Decision<K> decide(List<Candidate<K>> good) {
        List<Candidate<K>> newestFirst = new ArrayList<>(good);
        newestFirst.sort(Comparator.comparing((Candidate<K> c) -> c.at()).reversed());
        Map<K, Rule> kept = new LinkedHashMap<>();
        newestFirst.stream().filter(Candidate::pinned).forEach(c -> kept.put(c.key(), Rule.PINNED));
        List<Candidate<K>> unpinned = newestFirst.stream().filter(c -> !c.pinned()).toList();

        Instant boundary = keepNewestPerPeriod(unpinned, Instant.MAX, daily, at -> day(at), Rule.DAILY, kept);
        boundary = keepNewestPerPeriod(unpinned, boundary, weekly, Retention::isoWeek, Rule.WEEKLY, kept);
        keepNewestPerPeriod(unpinned, boundary, monthly, at -> YearMonth.from(at.atZone(ZoneOffset.UTC)), Rule.MONTHLY,
                kept);
        List<K> deleted = unpinned.stream().map(Candidate::key).filter(k -> !kept.containsKey(k)).toList();
        return new Decision<>(kept, deleted);
    }

    /**
     * Walks backups older than {@code before}, newest first, keeping the first of each new period until {@code periods}
     * periods have one; returns the time of the oldest backup kept so far (or {@code before} when none was kept).
     */
    private static <K> Instant keepNewestPerPeriod(List<Candidate<K>> newestFirst, Instant before, int periods,
                                                   Function<Instant, Object> periodOf, Rule rule, Map<K, Rule> kept) {
        Instant oldestKept = before;
        Object lastPeriod = null;
        int found = 0;
        for (Candidate<K> c : newestFirst) {
            if (found == periods) {
                break;
            }
            if (!c.at().isBefore(before)) {
                continue;
            }
            Object period = periodOf.apply(c.at());
            if (!period.equals(lastPeriod)) {
                kept.put(c.key(), rule);
                oldestKept = c.at();
                lastPeriod = period;
                found++;
            }
        }
        return oldestKept;
    }

    private static LocalDate day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static Object isoWeek(Instant at) {
        LocalDate day = day(at);
        return day.get(IsoFields.WEEK_BASED_YEAR) * 100 + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }
}
