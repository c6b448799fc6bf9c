package dev.lazaret.storage.rocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazaret.storage.RemovedVersion;
import dev.lazaret.storage.RemovedVersionLog;
import dev.lazaret.storage.RemovedVersionLogContract;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The removed-version contract against RocksDB, plus durability. */
class RocksRemovedVersionLogTest extends RemovedVersionLogContract {

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
  protected RemovedVersionLog log() {
    return storage.removedVersions();
  }

  @Test
  void removalsSurviveReopen() {
    RemovedVersion removal = new RemovedVersion("evil", "6.6.6", T0, "sha512-x");
    log().record(removal);
    storage.close();
    storage = RocksStorage.open(dir, 256 << 10, Clock.systemUTC());
    assertThat(log().forPackage("evil")).containsExactly(removal);
  }

  @Test
  void aNameWithNulIsRejected() {
    assertThatThrownBy(() -> log().forPackage("a\0b")).isInstanceOf(IllegalArgumentException.class);
  }
}
