package dev.lazaret.storage.rocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazaret.storage.CachedPackument;
import dev.lazaret.storage.MutableClock;
import dev.lazaret.storage.StoreException;
import dev.lazaret.storage.WriteFailure;
import dev.lazaret.storage.WritesFailingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/**
 * Which RocksDB errors mean "the disk does not take writes" (recorded, recoverable) and which are
 * other store errors; and that a reopen keeps serving every read running across it.
 */
class DatabaseWriteFailureTest {

  private static final Instant T0 = Instant.parse("2026-12-06T03:00:00Z");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(T0);
  private RocksStorage storage;
  private Database db;

  @BeforeEach
  void open() {
    storage = RocksStorage.openUnattended(dir, 256 << 10, clock);
    db = storage.database();
  }

  @AfterEach
  void close() {
    storage.close();
  }

  @Test
  void aReadOnlyFileSystemIsAWriteFailureDatedByItsFirstOccurrence() {
    assertThatThrownBy(() -> failWith(Status.Code.IOError, Status.SubCode.None,
        "While open a file for appending: /data/store/000012.log: Read-only file system"))
        .isInstanceOf(WritesFailingException.class)
        .hasMessageContaining("Read-only file system");
    clock.advance(Duration.ofMinutes(1));
    assertThatThrownBy(() -> failWith(Status.Code.IOError, Status.SubCode.NoSpace,
        "While appending to file: /data/store/000012.log: No space left on device"))
        .isInstanceOf(WritesFailingException.class);

    assertThat(db.writeFailure()).hasValueSatisfying(f -> {
      assertThat(f.reason()).isEqualTo("Read-only file system");
      assertThat(f.since()).isEqualTo(T0);
    });
    assertThat(storage.writeFailure()).isEqualTo(db.writeFailure());
  }

  @Test
  void otherErrorsAreNotWriteFailures() {
    assertThatThrownBy(() -> failWith(Status.Code.Corruption, Status.SubCode.None,
        "block checksum mismatch"))
        .isInstanceOf(StoreException.class)
        .isNotInstanceOf(WritesFailingException.class);
    assertThat(db.writeFailure()).isEmpty();
  }

  @Test
  void aHealthyStoreProbesFineAndForgetsAFailureOnlyWhenTold() {
    assertThat(db.probeWrite()).isTrue();
    assertThatThrownBy(() -> failWith(Status.Code.IOError, Status.SubCode.NoSpace,
        "While appending to file: x.log: No space left on device"));
    assertThat(db.writeFailure()).isPresent();
    long failuresBeforeProbe = db.failuresNoted();
    assertThat(db.probeWrite()).isTrue();
    assertThat(db.writeFailure()).isPresent();
    assertThat(db.clearFailure(failuresBeforeProbe)).isTrue();
    assertThat(db.writeFailure()).isEmpty();
  }

  @Test
  void aWriteFailingAfterTheProbeIsNotErasedByRecovery() {
    assertThatThrownBy(() -> failWith(Status.Code.IOError, Status.SubCode.NoSpace,
        "While appending to file: x.log: No space left on device"));
    // The probe works (RocksDB resumed by itself); before recovery clears the failure, another
    // write fails. Noted on the record already there, it must not be cleared with it.
    WriteRecovery recovery = new WriteRecovery(new WriteFailsRightAfterTheProbe(db), clock,
        dir.toString(), () -> { });

    assertThat(recovery.check()).isNotEqualTo(WriteRecovery.Outcome.RECOVERED);

    assertThat(db.writeFailure()).isPresent();
    assertThat(storage.writeFailure()).isPresent();
  }

  @Test
  void readsRunningAcrossAReopenAllSucceed() throws Exception {
    storage.packuments().put("pad", new CachedPackument(
        "{\"name\":\"pad\"}".getBytes(StandardCharsets.UTF_8), "\"e\"", null, T0));
    AtomicBoolean stop = new AtomicBoolean();
    List<Future<Integer>> readers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      for (int i = 0; i < 4; i++) {
        readers.add(pool.submit(() -> {
          int reads = 0;
          while (!stop.get()) {
            assertThat(storage.packuments().get("pad")).isPresent();
            reads++;
          }
          return reads;
        }));
      }
      for (int i = 0; i < 5; i++) {
        db.reopen();
      }
      stop.set(true);
      for (Future<Integer> reader : readers) {
        assertThat(reader.get()).isPositive();
      }
    }
    assertThat(db.probeWrite()).isTrue();
    assertThat(storage.packuments().get("pad")).isPresent();
  }

  @Test
  void stringsOfRocksDbReduceToTheOperatingSystemsReason() {
    assertThat(Database.shortReason(
        "While appending to file: /d/000004.log: No space left on device"))
        .isEqualTo("No space left on device");
    assertThat(Database.shortReason("IO error")).isEqualTo("IO error");
  }

  private static void failWith(Database db, Status.Code code, Status.SubCode subCode,
      String message) {
    db.call("write something", Family.RECORDS, rocks -> {
      throw new RocksDBException(message, new Status(code, subCode, message));
    });
  }

  /** The database, with a concurrent write failing just after each probe that works. */
  private record WriteFailsRightAfterTheProbe(Database db) implements WriteRecovery.Target {

    @Override
    public boolean probeWrite() {
      boolean worked = db.probeWrite();
      assertThatThrownBy(() -> failWith(db, Status.Code.IOError, Status.SubCode.NoSpace,
          "While appending to file: y.log: No space left on device"))
          .isInstanceOf(WritesFailingException.class);
      return worked;
    }

    @Override
    public Optional<WriteFailure> writeFailure() {
      return db.writeFailure();
    }

    @Override
    public long failuresNoted() {
      return db.failuresNoted();
    }

    @Override
    public boolean clearFailure(long failuresBeforeProbe) {
      return db.clearFailure(failuresBeforeProbe);
    }

    @Override
    public long backgroundErrors() {
      return db.backgroundErrors();
    }

    @Override
    public Optional<String> reopenBlocker() {
      return db.reopenBlocker();
    }

    @Override
    public void reopen() {
      db.reopen();
    }
  }

  private void failWith(Status.Code code, Status.SubCode subCode, String message) {
    failWith(db, code, subCode, message);
  }
}
