package dev.lazaret.storage.rocks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.storage.MutableClock;
import dev.lazaret.storage.StoreException;
import dev.lazaret.storage.WriteFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The recovery loop's decisions, against a scripted database and a hand-moved clock. */
class WriteRecoveryTest {

  private static final Instant T0 = Instant.parse("2026-12-06T03:00:00Z");
  private static final WriteFailure FULL =
      new WriteFailure("No space left on device", "While appending: No space left on device", T0);

  private final MutableClock clock = new MutableClock(T0);
  private final ScriptedDatabase db = new ScriptedDatabase();
  private final WriteRecovery recovery = new WriteRecovery(db, clock, "/data/store", () -> db.tidied++);

  @Test
  void healthyStoreIsNeitherProbedNorReopened() {
    assertThat(recovery.check()).isEqualTo(WriteRecovery.Outcome.HEALTHY);
    assertThat(db.probes).isZero();
    assertThat(db.reopens).isZero();
  }

  @Test
  void aRiseInBackgroundErrorsIsProbedAndAFailingProbeIsReported() {
    db.backgroundErrors = 1;
    db.probeResults.add(false);
    assertThat(recovery.check()).isEqualTo(WriteRecovery.Outcome.STILL_FAILING);
    assertThat(db.probes).isEqualTo(1);
    // The same count again is no news: no second probe.
    assertThat(recovery.check()).isEqualTo(WriteRecovery.Outcome.HEALTHY);
    assertThat(db.probes).isEqualTo(1);
  }

  @Test
  void aProbeThatWorksClearsTheFailureWithoutReopening() {
    db.failure = FULL;
    db.probeResults.add(true);
    assertThat(recovery.check()).isEqualTo(WriteRecovery.Outcome.RECOVERED);
    assertThat(db.failure).isNull();
    assertThat(db.reopens).isZero();
    assertThat(db.tidied).isEqualTo(1);
  }

  @Test
  void aWriteFailingWhileTheProbeRunsKeepsTheFailure() {
    db.failure = FULL;
    db.probeResults.add(true);
    db.duringProbe = () -> db.failuresNoted++; // another write fails right after the probe's
    assertThat(recovery.check()).isEqualTo(WriteRecovery.Outcome.STILL_FAILING);
    assertThat(db.failure).isEqualTo(FULL);
    assertThat(db.tidied).isZero();

    db.duringProbe = () -> { };
    db.probeResults.add(true);
    clock.advance(WriteRecovery.CHECK_INTERVAL);
    assertThat(recovery.check()).isEqualTo(WriteRecovery.Outcome.RECOVERED);
    assertThat(db.failure).isNull();
  }

  @Test
  void waitsWithoutReopeningWhileTheDirectoryCannotTakeWrites() {
    db.failure = FULL;
    db.blocker = "0.0 MiB free, reopening needs 8.0 MiB";
    assertThat(recovery.check()).isEqualTo(WriteRecovery.Outcome.WAITING);
    clock.advance(Duration.ofMinutes(5));
    assertThat(recovery.check()).isEqualTo(WriteRecovery.Outcome.WAITING);
    assertThat(db.reopens).isZero();
    assertThat(db.failure).isEqualTo(FULL);
    assertThat(db.tidied).isZero();
  }

  @Test
  void reopensOnceSpaceIsBackAndRecoversWhenTheProbeThenWorks() {
    db.failure = FULL;
    db.blocker = "0.0 MiB free, reopening needs 8.0 MiB";
    assertThat(recovery.check()).isEqualTo(WriteRecovery.Outcome.WAITING);
    db.blocker = null;
    db.probeResults.add(false); // still stopped: RocksDB keeps its error until reopened
    db.probeResults.add(true);  // after the reopen
    clock.advance(WriteRecovery.CHECK_INTERVAL);
    assertThat(recovery.check()).isEqualTo(WriteRecovery.Outcome.RECOVERED);
    assertThat(db.reopens).isEqualTo(1);
    assertThat(db.failure).isNull();
  }

  @Test
  void reopensAtMostOncePerReopenInterval() {
    db.failure = FULL;
    assertThat(recovery.check()).isEqualTo(WriteRecovery.Outcome.STILL_FAILING);
    assertThat(db.reopens).isEqualTo(1);
    clock.advance(WriteRecovery.CHECK_INTERVAL);
    assertThat(recovery.check()).isEqualTo(WriteRecovery.Outcome.THROTTLED);
    assertThat(db.reopens).isEqualTo(1);
    clock.advance(WriteRecovery.REOPEN_INTERVAL.minus(WriteRecovery.CHECK_INTERVAL));
    assertThat(recovery.check()).isEqualTo(WriteRecovery.Outcome.STILL_FAILING);
    assertThat(db.reopens).isEqualTo(2);
  }

  @Test
  void aFailedReopenIsReportedAndRetriedLaterNeverThrown() {
    db.failure = FULL;
    db.reopenFailure = new StoreException("data directory /data/store is full");
    assertThat(recovery.check()).isEqualTo(WriteRecovery.Outcome.STILL_FAILING);
    db.reopenFailure = null;
    db.probeResults.add(false);
    db.probeResults.add(true);
    clock.advance(WriteRecovery.REOPEN_INTERVAL);
    assertThat(recovery.check()).isEqualTo(WriteRecovery.Outcome.RECOVERED);
    assertThat(db.reopens).isEqualTo(2);
  }

  @Test
  void anUnexpectedErrorDoesNotEndTheLoop() {
    db.failure = FULL;
    db.probeFailure = new IllegalStateException("boom");
    assertThat(recovery.check()).isEqualTo(WriteRecovery.Outcome.STILL_FAILING);
  }

  /** A database whose answers the test scripts. */
  private static final class ScriptedDatabase implements WriteRecovery.Target {
    WriteFailure failure;
    long failuresNoted;
    Runnable duringProbe = () -> { };
    long backgroundErrors;
    final Deque<Boolean> probeResults = new ArrayDeque<>();
    RuntimeException probeFailure;
    String blocker;
    StoreException reopenFailure;
    int probes;
    int reopens;
    int tidied;

    @Override
    public Optional<WriteFailure> writeFailure() {
      return Optional.ofNullable(failure);
    }

    @Override
    public boolean probeWrite() {
      probes++;
      if (probeFailure != null) {
        throw probeFailure;
      }
      duringProbe.run();
      return probeResults.isEmpty() ? false : probeResults.poll();
    }

    @Override
    public long failuresNoted() {
      return failuresNoted;
    }

    @Override
    public boolean clearFailure(long failuresBeforeProbe) {
      if (failuresNoted != failuresBeforeProbe) {
        return false;
      }
      failure = null;
      return true;
    }

    @Override
    public long backgroundErrors() {
      return backgroundErrors;
    }

    @Override
    public Optional<String> reopenBlocker() {
      return Optional.ofNullable(blocker);
    }

    @Override
    public void reopen() {
      reopens++;
      if (reopenFailure != null) {
        throw reopenFailure;
      }
    }
  }
}
