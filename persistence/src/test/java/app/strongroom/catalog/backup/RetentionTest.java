package app.strongroom.catalog.backup;

import static org.assertj.core.api.Assertions.assertThat;

import app.strongroom.catalog.backup.Retention.Candidate;
import app.strongroom.catalog.backup.Retention.Decision;
import app.strongroom.catalog.backup.Retention.Rule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RetentionTest {
    private static final Instant START = Instant.parse("2025-01-01T01:30:00Z");

    @Test
    void withOneBackupADayExactly14AreKeptReachingAboutThreeMonthsBack() {
        List<Candidate<Integer>> backups = new ArrayList<>();
        Set<Integer> alive = new HashSet<>();
        for (int day = 0; day < 400; day++) {
            backups.add(new Candidate<>(day, START.plus(Duration.ofDays(day)), false));
            alive.add(day);
            Decision<Integer> decision = Retention.STANDARD.decide(backups.stream().filter(b -> alive.contains(b.key())).toList());
            alive.removeAll(decision.deleted());
            if (day >= 120) {
                assertThat(decision.kept()).as("day %d", day).hasSize(14);
                assertThat(decision.kept().values().stream().filter(r -> r == Rule.DAILY)).hasSize(7);
                assertThat(decision.kept().values().stream().filter(r -> r == Rule.WEEKLY)).hasSize(4);
                assertThat(decision.kept().values().stream().filter(r -> r == Rule.MONTHLY)).hasSize(3);
                int oldest = decision.kept().keySet().stream().min(Integer::compare).orElseThrow();
                // The oldest monthly backup is the newest of its month, so the reach moves between 2 and 3+ months.
                assertThat(day - oldest).as("reach on day %d", day).isBetween(60, 100);
            }
        }
    }

    /**
     * 400 days with missing days, failed days (retention does not run), extra backups on some days and a pinned
     * backup: after every day the kept set is exactly what the rules, restated independently below, say.
     */
    @Test
    void aSimulationOf400DaysKeepsExactlyWhatTheRulesSay() {
        Random random = new Random(20261123);
        List<Candidate<Integer>> alive = new ArrayList<>();
        int next = 0;
        Integer pinned = null;
        for (int day = 0; day < 400; day++) {
            double roll = random.nextDouble();
            if (roll < 0.12) {
                continue;
            }
            if (roll < 0.18) {
                continue;
            }
            int backupsToday = random.nextDouble() < 0.05 ? 2 : 1;
            for (int i = 0; i < backupsToday; i++) {
                Instant at = START.plus(Duration.ofDays(day)).plus(Duration.ofHours(3L * i + random.nextInt(3)));
                alive.add(new Candidate<>(next++, at, false));
            }
            if (day == 100) {
                pinned = alive.get(alive.size() - 1).key();
                int key = pinned;
                alive.replaceAll(c -> c.key() == key ? new Candidate<>(c.key(), c.at(), true) : c);
            }
            if (day == 300) {
                int key = pinned;
                alive.replaceAll(c -> c.key() == key ? new Candidate<>(c.key(), c.at(), false) : c);
            }
            Decision<Integer> decision = Retention.STANDARD.decide(alive);
            Map<Integer, Rule> expected = oracle(alive, 7, 4, 3);
            assertThat(decision.kept()).as("day %d", day).isEqualTo(expected);
            Integer newest = alive.stream().max(Comparator.comparing(Candidate::at)).orElseThrow().key();
            assertThat(decision.kept()).as("the newest backup is never deleted").containsKey(newest);
            if (day >= 100 && day < 300) {
                assertThat(decision.kept()).containsEntry(pinned, Rule.PINNED);
            }
            assertThat(decision.kept().values().stream().filter(r -> r != Rule.PINNED).count()).isLessThanOrEqualTo(14);
            Set<Integer> deleted = new HashSet<>(decision.deleted());
            assertThat(deleted).doesNotContainAnyElementsOf(decision.kept().keySet());
            alive.removeIf(c -> deleted.contains(c.key()));
            assertThat(alive).hasSize(decision.kept().size());
        }
    }

    @Test
    void aBackupKeptByOneRuleDoesNotCountForTheNext() {
        List<Candidate<String>> backups = List.of(
                new Candidate<>("today", Instant.parse("2026-03-10T01:30:00Z"), false),
                new Candidate<>("earlier-same-week", Instant.parse("2026-03-09T01:30:00Z"), false),
                new Candidate<>("last-week", Instant.parse("2026-03-03T01:30:00Z"), false));
        Decision<String> decision = new Retention(2, 1, 0).decide(backups);
        assertThat(decision.kept()).containsExactly(Map.entry("today", Rule.DAILY),
                Map.entry("earlier-same-week", Rule.DAILY), Map.entry("last-week", Rule.WEEKLY));
    }

    /** The rules restated with grouping maps instead of one pass, as the test's own oracle. */
    private static Map<Integer, Rule> oracle(List<Candidate<Integer>> all, int daily, int weekly, int monthly) {
        Map<Integer, Rule> kept = new java.util.LinkedHashMap<>();
        all.stream().filter(Candidate::pinned).forEach(c -> kept.put(c.key(), Rule.PINNED));
        List<Candidate<Integer>> unpinned = all.stream().filter(c -> !c.pinned()).toList();
        Instant boundary = Instant.MAX;
        boundary = keepPerPeriod(unpinned, boundary, daily, at -> at.atZone(ZoneOffset.UTC).toLocalDate(), Rule.DAILY, kept);
        boundary = keepPerPeriod(unpinned, boundary, weekly, at -> {
            LocalDate d = at.atZone(ZoneOffset.UTC).toLocalDate();
            return d.get(IsoFields.WEEK_BASED_YEAR) + "-W" + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        }, Rule.WEEKLY, kept);
        keepPerPeriod(unpinned, boundary, monthly, at -> YearMonth.from(at.atZone(ZoneOffset.UTC)).toString(),
                Rule.MONTHLY, kept);
        Map<Integer, Rule> ordered = new java.util.LinkedHashMap<>();
        all.stream().sorted(Comparator.comparing((Candidate<Integer> c) -> c.at()).reversed())
                .filter(c -> kept.containsKey(c.key())).forEach(c -> ordered.put(c.key(), kept.get(c.key())));
        return ordered;
    }

    private static Instant keepPerPeriod(List<Candidate<Integer>> candidates, Instant before, int count,
                                         Function<Instant, Comparable<?>> period, Rule rule, Map<Integer, Rule> kept) {
        TreeMap<String, Candidate<Integer>> newestPerPeriod = new TreeMap<>(Comparator.reverseOrder());
        Map<String, Instant> periodStart = new java.util.HashMap<>();
        for (Candidate<Integer> c : candidates) {
            if (!c.at().isBefore(before)) {
                continue;
            }
            String p = sortable(c.at(), period);
            newestPerPeriod.merge(p, c, (a, b) -> a.at().isAfter(b.at()) ? a : b);
            periodStart.putIfAbsent(p, c.at());
        }
        List<Candidate<Integer>> chosen = newestPerPeriod.values().stream().limit(count).collect(Collectors.toList());
        chosen.forEach(c -> kept.put(c.key(), rule));
        return chosen.stream().map(Candidate::at).min(Comparator.naturalOrder()).orElse(before);
    }

    /** A key that sorts periods by time: the period's first day, then its label. */
    private static String sortable(Instant at, Function<Instant, Comparable<?>> period) {
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        String label = period.apply(at).toString();
        LocalDate first = day;
        while (period.apply(first.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(43200)).toString()
                .equals(label)) {
            first = first.minusDays(1);
        }
        return first + " " + label;
    }
}
