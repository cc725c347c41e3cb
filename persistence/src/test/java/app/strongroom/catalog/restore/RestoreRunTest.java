package app.strongroom.catalog.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.strongroom.catalog.TenantDatabase;
import app.strongroom.catalog.TenantId;
import app.strongroom.common.InvalidValue;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RestoreRunTest {
    private static final TenantId TENANT = new TenantId(UUID.randomUUID());
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final UUID OWNER = UUID.randomUUID();

    private static RestoreRun request(RestoreMode mode) {
        return RestoreRun.request(TENANT, UUID.randomUUID(), NOW.minusSeconds(86_400), mode, "TICKET-42", "alice", NOW);
    }

    @Test
    void aReasonIsRequiredOnOneLine() {
        for (String bad : new String[] {null, "", "  ", "ab", "two\nlines", "x".repeat(201)}) {
            assertThatThrownBy(() -> RestoreRun.request(TENANT, UUID.randomUUID(), NOW, RestoreMode.LIVE, bad, "alice",
                    NOW)).as(String.valueOf(bad)).isInstanceOf(InvalidValue.class);
        }
        assertThat(RestoreRun.request(TENANT, UUID.randomUUID(), NOW, RestoreMode.LIVE, "  T-1  ", "alice", NOW).reason())
                .isEqualTo("T-1");
    }

    @Test
    void itsDatabasesAreNamedAfterTheTenantAndItselfSoLeftoversAreKnown() {
        RestoreRun run = request(RestoreMode.LIVE);
        String live = TenantDatabase.databaseName(TENANT);
        assertThat(run.databaseName()).startsWith(live + "_r").hasSizeLessThanOrEqualTo(63);
        assertThat(run.replacedDatabaseName()).startsWith(live + "_p").hasSizeLessThanOrEqualTo(63);
        assertThat(run.databaseName()).isNotEqualTo(request(RestoreMode.LIVE).databaseName());
    }

    @Test
    void itIsTakenUpOnceAndEndsOnce() {
        RestoreRun run = request(RestoreMode.LIVE);
        assertThat(run.begin(NOW, OWNER)).isTrue();
        assertThat(run.begin(NOW, OWNER)).as("a second server does not take it up").isFalse();
        run.safetyBackup(UUID.randomUUID());
        run.succeed(NOW.plusSeconds(60));
        assertThat(run.state()).isEqualTo(RestoreState.DONE);
        assertThat(run.duration()).hasValueSatisfying(d -> assertThat(d.toSeconds()).isEqualTo(60));
        assertThatThrownBy(() -> run.fail("late", NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> run.beat(NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyALiveRestoreTakesASafetyBackupAndOnlyADoneSideIsOpenedAndDiscardedOnce() {
        RestoreRun side = request(RestoreMode.SIDE);
        side.begin(NOW, OWNER);
        assertThatThrownBy(() -> side.safetyBackup(UUID.randomUUID())).isInstanceOf(IllegalStateException.class);
        assertThat(side.isOpenSide()).isFalse();
        side.succeed(NOW);
        assertThat(side.isOpenSide()).isTrue();
        side.discard("admin", NOW);
        assertThat(side.isOpenSide()).isFalse();
        assertThatThrownBy(() -> side.discard("admin", NOW)).isInstanceOf(IllegalStateException.class);

        RestoreRun failed = request(RestoreMode.SIDE);
        failed.begin(NOW, OWNER);
        failed.fail("the backup failed authentication", NOW);
        assertThat(failed.isOpenSide()).isFalse();
        assertThat(failed.failure()).contains("the backup failed authentication");
    }

    @Test
    void itsSignOfLifeIsTheLastHeartbeat() {
        RestoreRun run = request(RestoreMode.LIVE);
        assertThat(run.lastSignOfLife()).isEqualTo(NOW);
        run.begin(NOW.plusSeconds(5), OWNER);
        run.beat(NOW.plusSeconds(30));
        assertThat(run.lastSignOfLife()).isEqualTo(NOW.plusSeconds(30));
    }

    @Test
    void aRestoreTakenOverIsNoLongerItsFormerOwners() {
        RestoreRun run = request(RestoreMode.LIVE);
        assertThat(run.isOwnedBy(OWNER)).as("nobody owns a waiting restore").isFalse();
        run.begin(NOW, OWNER);
        assertThat(run.isOwnedBy(OWNER)).isTrue();
        UUID recovery = UUID.randomUUID();
        run.takeOver(NOW.plusSeconds(60), recovery);
        assertThat(run.isOwnedBy(OWNER)).as("the stalled server lost it").isFalse();
        assertThat(run.isOwnedBy(recovery)).isTrue();
        assertThat(run.lastSignOfLife()).isEqualTo(NOW.plusSeconds(60));
        run.fail("interrupted", NOW.plusSeconds(61));
        assertThat(run.isOwnedBy(recovery)).as("an ended restore is nobody's").isFalse();
        assertThatThrownBy(() -> run.takeOver(NOW.plusSeconds(90), OWNER)).isInstanceOf(IllegalStateException.class);

        RestoreRun waiting = request(RestoreMode.SIDE);
        waiting.takeOver(NOW, recovery);
        assertThat(waiting.state()).as("a restore nobody began is begun by its taker").isEqualTo(RestoreState.RUNNING);
    }
}
