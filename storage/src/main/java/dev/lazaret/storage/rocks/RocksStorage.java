package dev.lazaret.storage.rocks;

import dev.lazaret.storage.AuditEntry;
import dev.lazaret.storage.AuditLog;
import dev.lazaret.storage.PackumentStore;
import dev.lazaret.storage.RecordBatch;
import dev.lazaret.storage.RecordSpace;
import dev.lazaret.storage.RemovedVersionLog;
import dev.lazaret.storage.StoreException;
import dev.lazaret.storage.TarballStore;
import dev.lazaret.storage.WriteFailure;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RocksDB-backed stores over one database; the only public type of this package, so RocksDB
 * stays an implementation detail behind the storage interfaces.
 */
public final class RocksStorage implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RocksStorage.class);

  /** Sizes that together approximate the data held: table files, blob files, unflushed writes. */
  private static final List<String> SIZE_PROPERTIES = List.of(
      "rocksdb.total-sst-files-size", "rocksdb.total-blob-file-size", "rocksdb.cur-size-all-mem-tables");

  private final Database db;
  private final RocksPackumentStore packuments;
  private final RocksTarballStore tarballs;
  private final RocksRemovedVersionLog removedVersions;
  private final RocksAuditLog auditLog;
  private final WriteRecovery recovery;
  /** Runs {@link #recovery}; null when a test drives it by hand. */
  private ScheduledExecutorService recoveryThread;

  private RocksStorage(Database db, int tarballChunkSize, Clock clock) {
    this.db = db;
    this.packuments = new RocksPackumentStore(db);
    this.tarballs = new RocksTarballStore(db, tarballChunkSize, clock);
    this.recovery = new WriteRecovery(db, clock, db.directory().toString(),
        tarballs::discardAbandonedStaging);
    this.removedVersions = new RocksRemovedVersionLog(db);
    this.auditLog = new RocksAuditLog(db);
  }

  /**
   * Opens (creating if needed) the database in {@code directory}, discards tarball downloads left
   * unfinished by a crash and sums the sizes of the committed tarballs. Fails with a one-line {@link dev.lazaret.storage.StoreException}
   * if the directory is unusable or locked by another process; on a full disk it opens read-only.
   * A daemon thread runs {@link WriteRecovery} until {@link #close()}.
   */
  public static RocksStorage open(Path directory, int tarballChunkSize, Clock clock) {
    RocksStorage storage = openUnattended(directory, tarballChunkSize, clock);
    storage.recoveryThread = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().daemon().name("lazaret-store-recovery").factory());
    long every = WriteRecovery.CHECK_INTERVAL.toMillis();
    storage.recoveryThread.scheduleWithFixedDelay(storage.recovery::check, every, every,
        TimeUnit.MILLISECONDS);
    return storage;
  }

  /** {@link #open} without the thread that recovers from failed writes: tests call {@link #recovery}. */
  static RocksStorage openUnattended(Path directory, int tarballChunkSize, Clock clock) {
    if (tarballChunkSize <= 0) {
      throw new IllegalArgumentException("tarballChunkSize must be positive, got " + tarballChunkSize);
    }
    DataDirectory.prepare(directory);
    Database db = Database.open(directory, clock);
    try {
      RocksStorage storage = new RocksStorage(db, tarballChunkSize, clock);
      if (db.writeFailure().isEmpty()) {
        storage.tarballs.discardAbandonedStaging();
      }
      // Else opened read-only on a full disk: recovery discards them once writes work.
      storage.tarballs.recountStoredBytes();
      return storage;
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /** Why writes fail at the moment, if they do; cleared by itself once they work again. */
  public Optional<WriteFailure> writeFailure() {
    return db.writeFailure();
  }

  /** Packuments, without any in-memory cache in front. */
  public PackumentStore packuments() {
    return packuments;
  }

  /** Content-addressed tarballs. */
  public TarballStore tarballs() {
    return tarballs;
  }

  /** Versions that vanished upstream. */
  public RemovedVersionLog removedVersions() {
    return removedVersions;
  }

  /** The record space {@code space}: non-empty, without NUL. */
  public RecordSpace records(String space) {
    return new RocksRecordSpace(db, space);
  }

  /** The audit log. */
  public AuditLog auditLog() {
    return auditLog;
  }

  /**
   * Runs {@code writes} to gather record writes and audit appends, then stores them all in one
   * RocksDB write batch; returns the appended entries, numbered. If {@code writes} throws, nothing
   * is stored and no sequence number is used.
   */
  public List<AuditEntry> writeAtomically(Consumer<RecordBatch> writes) {
    Objects.requireNonNull(writes, "writes");
    RocksRecordBatch batch = new RocksRecordBatch(db);
    try {
      writes.accept(batch);
    } finally {
      batch.seal();
    }
    return auditLog.write(batch);
  }

  /** Approximate bytes of data held, over every family: files on disk plus unflushed memtables. */
  public long approximateSizeBytes() {
    return db.call("measure size", List.of(Family.values()), rocks -> {
      long total = 0;
      for (Family family : Family.values()) {
        for (String property : SIZE_PROPERTIES) {
          total += rocks.getLongProperty(db.handle(family), property);
        }
      }
      return total;
    });
  }

  /** Flushes and releases the database; idempotent. Any later call fails fast. */
  @Override
  public void close() {
    // Recovery first: a reopen must not race the close.
    if (recoveryThread != null) {
      recoveryThread.shutdownNow();
      try {
        recoveryThread.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    // Access times first, while the database is open; losing them costs only eviction accuracy.
    try {
      tarballs.flushAccessTimes();
    } catch (StoreException e) {
      log.warn("Writing tarball access times on close failed", e);
    }
    db.close();
  }

  /** For tests of this package: the recovery from failed writes. */
  WriteRecovery recovery() {
    return recovery;
  }

  /** For tests of this package: the open database. */
  Database database() {
    return db;
  }
}
