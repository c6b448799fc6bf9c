package dev.lazaret.proxy.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.storage.Storage;
import dev.lazaret.storage.StorageOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code lazaret_holds} gauge's counts, from the state's counts and the current holds. */
class HoldCountsTest {

  private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

  @TempDir Path dir;
  private Storage storage;
  private QuarantineState state;

  @BeforeEach
  void open() {
    storage = Storage.open(StorageOptions.defaults(dir));
    state = RocksQuarantineState.open(storage);
  }

  @AfterEach
  void close() {
    storage.close();
  }

  private static HoldRecord hold(String version, HoldState s, Instant until) {
    return new HoldRecord("counted", version, "alice", T0, "default", s, false, until, T0, T0,
        List.of(), List.of(), null, null);
  }

  @Test
  void countsEveryStateAndAHoldPastItsTimeAsReleased() {
    state.saveHolds(List.of(hold("1.0.0", HoldState.HELD, T0.plusSeconds(3_600)),
        hold("1.1.0", HoldState.HELD, T0.plusSeconds(60)),
        hold("0.9.0", HoldState.RELEASED, T0),
        hold("0.8.0", HoldState.APPROVED, null),
        hold("0.7.0", HoldState.BLOCKED, null)));

    assertThat(HoldCounts.byState(state, T0.plusSeconds(120))).containsExactly(
        java.util.Map.entry("held", 1), java.util.Map.entry("released", 2),
        java.util.Map.entry("approved", 1), java.util.Map.entry("rejected", 0),
        java.util.Map.entry("blocked", 1));
  }

  @Test
  void readsTheIndexNotEveryHoldEverRecorded() {
    state.saveHolds(List.of(hold("1.0.0", HoldState.HELD, T0.plusSeconds(3_600))));
    // A record the index does not know: a scan of the holds would count it, the gauge does not.
    storage.records(RocksQuarantineState.HOLDS).put(HoldRecord.key("unindexed", "1.0.0"),
        StoredJson.write(hold("1.0.0", HoldState.REJECTED, null)));

    assertThat(HoldCounts.byState(state, T0)).containsEntry("held", 1)
        .containsEntry("rejected", 0);
  }
}
