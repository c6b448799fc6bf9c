package dev.lazaret.storage.rocks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.storage.CachedPackument;
import dev.lazaret.storage.PackumentStore;
import dev.lazaret.storage.PackumentStoreContract;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packument contract against RocksDB directly, plus what it writes where. */
class RocksPackumentStoreTest extends PackumentStoreContract {

  @TempDir Path dir;
  private RocksStorage storage;

  @BeforeEach
  void open() {
    storage = RocksStorage.open(dir, 256 << 10, Clock.systemUTC());
  }

  @AfterEach
  void close() {
    storage.close();
  }

  @Override
  protected PackumentStore store() {
    return storage.packuments();
  }

  @Test
  void markRevalidatedWritesMetadataOnly() {
    store().put("typescript", new CachedPackument(new byte[2 << 20], "t", null, T0));
    long bodyWrites = memtableEntries(Family.PACKUMENT_BODIES);
    long metaWrites = memtableEntries(Family.PACKUMENT_META);
    store().markRevalidated("typescript", T0.plusSeconds(1));
    assertThat(memtableEntries(Family.PACKUMENT_BODIES)).isEqualTo(bodyWrites);
    assertThat(memtableEntries(Family.PACKUMENT_META)).isEqualTo(metaWrites + 1);
  }

  @Test
  void packumentsSurviveReopen() {
    CachedPackument stored = packument("{\"name\":\"chalk\"}", "c", T0);
    store().put("chalk", stored);
    storage.close();
    storage = RocksStorage.open(dir, 256 << 10, Clock.systemUTC());
    assertSame(store().get("chalk"), stored);
  }

  private long memtableEntries(Family family) {
    Database db = storage.database();
    return db.call("read memtable entries", family,
        rocks -> rocks.getLongProperty(db.handle(family), "rocksdb.num-entries-active-mem-table"));
  }
}
