package dev.lazaret.proxy.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.storage.Storage;
import dev.lazaret.storage.StorageOptions;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded quarantine state passes the contract, and indexes an older store at open. */
class RocksQuarantineStateTest extends QuarantineStateContract {

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

  @Override
  protected QuarantineState state() {
    return state;
  }

  @Override
  protected QuarantineState reopen() {
    storage.close();
    open();
    return state;
  }

  @Test
  void aStoreWrittenBeforeTheIndexExistedIsIndexedAtOpen() {
    storage.close();
    storage = Storage.open(StorageOptions.defaults(dir));
    // As an older release left it: hold records, no index, no mark that one was built.
    List<HoldRecord> old = List.of(hold("old", "1.0.0", HoldState.HELD, T0),
        hold("old", "1.1.0", HoldState.HELD, T0.plusSeconds(1)),
        hold("old", "0.9.0", HoldState.REJECTED, T0));
    storage.records(RocksQuarantineState.META).delete(RocksQuarantineState.INDEX_BUILT);
    for (HoldRecord r : old) {
      storage.records(RocksQuarantineState.HOLDS).put(
          HoldRecord.key(r.packageName(), r.version()), StoredJson.write(r));
    }
    // A stray entry an interrupted build might leave must not survive the rebuild.
    storage.records(RocksQuarantineState.HOLD_INDEX).put("held 0000 stray 1.0.0", new byte[0]);

    state = RocksQuarantineState.open(storage);

    assertThat(state.holdsIn(EnumSet.of(HoldState.HELD), null, 10))
        .containsExactly(old.get(1), old.get(0));
    assertThat(state.holdsIn(EnumSet.of(HoldState.REJECTED), null, 10))
        .containsExactly(old.get(2));
    assertThat(state.holdCounts().get(HoldState.HELD)).isEqualTo(2L);
    assertThat(state.holdCounts().get(HoldState.REJECTED)).isEqualTo(1L);
    assertThat(storage.records(RocksQuarantineState.META)
        .get(RocksQuarantineState.INDEX_BUILT)).isPresent();
  }

  @Test
  void theIndexIsBuiltOnceNotAtEveryOpen() {
    state.saveHolds(List.of(hold("kept", "1.0.0", HoldState.HELD, T0)));
    // Were the index rebuilt at the next open, this entry would vanish.
    storage.records(RocksQuarantineState.HOLD_INDEX).put("blocked marker", new byte[0]);

    reopen();

    assertThat(storage.records(RocksQuarantineState.HOLD_INDEX).get("blocked marker"))
        .isPresent();
  }
}
