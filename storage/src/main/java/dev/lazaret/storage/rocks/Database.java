package dev.lazaret.storage.rocks;

import dev.lazaret.storage.StoreException;
import dev.lazaret.storage.WriteFailure;
import dev.lazaret.storage.WritesFailingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.FlushOptions;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open RocksDB database and its native handles. Every access goes through {@link #call}, which
 * fails fast once the database is closed, keeps {@link #close()} from freeing native memory under a
 * running call, and turns each {@link RocksDBException} into a {@link StoreException} naming the
 * operation and the column families involved.
 *
 * <p>When the disk cannot take writes (full, read-only, failing), RocksDB stops every later write
 * with the same error until it is reopened (the Java API has no {@code resume()}): a call failing
 * with an I/O error records a {@link WriteFailure} and throws {@link WritesFailingException};
 * {@link WriteRecovery} then {@link #reopen}s the database once the directory takes writes again.
 * Reads of what is stored keep working meanwhile.
 */
final class Database implements AutoCloseable, WriteRecovery.Target {

  private static final Logger log = LoggerFactory.getLogger(Database.class);

  /** A piece of work against the open database. */
  @FunctionalInterface
  interface RocksCall<T> {
    T apply(RocksDB db) throws RocksDBException;
  }

  /** A piece of work against the open database that returns nothing. */
  @FunctionalInterface
  interface RocksAction {
    void run(RocksDB db) throws RocksDBException;
  }

  /** The key {@link #probeWrite} writes, in RocksDB's default family, which holds nothing else. */
  private static final byte[] PROBE_KEY = "lazaret.write-probe".getBytes(StandardCharsets.UTF_8);

  private final Path directory;
  private final Tuning tuning;
  private final Clock clock;
  /** Replaced (under the write side of {@link #gate}) by {@link #reopen}; null if that failed. */
  private RocksDB db;
  private ColumnFamilyHandle defaultFamily;
  private final Map<Family, ColumnFamilyHandle> handles = new EnumMap<>(Family.class);
  /** Whether {@link #db} is a read-only fallback, opened because a read-write open failed. */
  private boolean readOnly;
  private volatile WriteFailure failure;
  /** Failed calls since open, counting those noted while a failure was already recorded. */
  private long failuresNoted;
  /**
   * WAL on and no fsync per write (RocksDB's defaults): a write that returned survives a
   * {@code kill -9} because the WAL is already in the OS page cache; only a power cut can lose the
   * last moments, which a cache can afford.
   */
  private final WriteOptions writeOptions = new WriteOptions();
  /**
   * Read options of tarball chunk reads. RocksDB's per-read checksum of a 256 KiB blob runs in
   * a table-driven CRC in the portable JNI build, which profiled as about half the CPU of serving
   * a large tarball; it is skipped because every tarball was verified against its digest when it
   * was stored, and npm verifies that same digest again on every install, so a bit flipped on
   * disk is still refused, by the client. Metadata reads keep RocksDB's default checks.
   */
  private final ReadOptions chunkReadOptions = new ReadOptions().setVerifyChecksums(false);
  /** Calls share the read side; close takes the write side so it never frees memory under a call. */
  private final ReadWriteLock gate = new ReentrantReadWriteLock();
  private volatile boolean closed;

  private Database(Path directory, Tuning tuning, Clock clock) {
    this.directory = directory;
    this.tuning = tuning;
    this.clock = clock;
  }

  /**
   * Opens (creating if needed) the database in {@code directory}, which must already exist;
   * {@code clock} dates write failures.
   */
  static Database open(Path directory, Clock clock) {
    Tuning tuning = new Tuning();
    Database database = new Database(directory, tuning, clock);
    try {
      database.openNative(false);
      return database;
    } catch (RocksDBException e) {
      if (!OpenFailure.isNoSpace(e)) {
        tuning.close();
        throw OpenFailure.explain(directory, e);
      }
      // A full disk: serve what is stored, read-only, until recovery can reopen it for writing.
      try {
        database.openNative(true);
      } catch (RocksDBException readOnlyToo) {
        tuning.close();
        throw OpenFailure.explain(directory, e);
      }
      database.noteFailure("cannot open the store for writing: " + e.getMessage());
      return database;
    }
  }

  /** Opens RocksDB into {@link #db} and {@link #handles}; caller holds the gate or owns this. */
  private void openNative(boolean readOnlyMode) throws RocksDBException {
    List<ColumnFamilyHandle> opened = new ArrayList<>();
    try {
      db = readOnlyMode
          ? RocksDB.openReadOnly(tuning.dbOptions(), directory.toString(), tuning.descriptors(), opened)
          : RocksDB.open(tuning.dbOptions(), directory.toString(), tuning.descriptors(), opened);
    } catch (RocksDBException e) {
      opened.forEach(ColumnFamilyHandle::close);
      db = null;
      throw e;
    }
    readOnly = readOnlyMode;
    defaultFamily = opened.get(0);
    // Tuning.descriptors() lists the default family, then Family.values() in order.
    for (Family family : Family.values()) {
      handles.put(family, opened.get(family.ordinal() + 1));
    }
  }

  Path directory() {
    return directory;
  }

  ColumnFamilyHandle handle(Family family) {
    return handles.get(family);
  }

  WriteOptions writeOptions() {
    return writeOptions;
  }

  ReadOptions chunkReadOptions() {
    return chunkReadOptions;
  }

  <T> T call(String operation, Family family, RocksCall<T> call) {
    return call(operation, List.of(family), call);
  }

  void run(String operation, Family family, RocksAction action) {
    run(operation, List.of(family), action);
  }

  void run(String operation, List<Family> families, RocksAction action) {
    call(operation, families, db -> {
      action.run(db);
      return null;
    });
  }

  /**
   * Runs {@code call} while the database is open; {@code families} are named if it fails. An
   * I/O error (disk full, read-only, failing) records a {@link WriteFailure} and throws
   * {@link WritesFailingException}.
   */
  <T> T call(String operation, List<Family> families, RocksCall<T> call) {
    gate.readLock().lock();
    try {
      if (closed) {
        throw new StoreException("cannot " + operation + ": storage in " + directory + " is closed");
      }
      if (db == null) {
        WriteFailure current = noteFailure("the store could not be reopened");
        throw new WritesFailingException("cannot " + operation + ": storage in " + directory
            + " is unavailable until it can be reopened (" + current.describe() + ")", current, null);
      }
      return call.apply(db);
    } catch (RocksDBException e) {
      String message = "RocksDB failed to " + operation + (families.isEmpty() ? ""
          : " in column family " + families.stream().map(Family::label)
              .collect(Collectors.joining(", "))) + " of " + directory + ": " + e.getMessage();
      if (isWriteFailure(e)) {
        throw new WritesFailingException(message, noteFailure(String.valueOf(e.getMessage())), e);
      }
      throw new StoreException(message, e);
    } finally {
      gate.readLock().unlock();
    }
  }

  /**
   * An I/O error: the disk did not take a write (RocksDB then refuses every later write with the
   * same status), or, in the read-only fallback, any write at all.
   */
  private boolean isWriteFailure(RocksDBException e) {
    Status status = e.getStatus();
    return status != null && (status.getCode() == Status.Code.IOError
        || (readOnly && status.getCode() == Status.Code.NotSupported));
  }

  /** Records the first failure of a run of them (its time is "since"); returns the current one. */
  private synchronized WriteFailure noteFailure(String detail) {
    failuresNoted++;
    if (failure == null) {
      failure = new WriteFailure(shortReason(detail), detail, clock.instant());
      log.error("Writes to the store in {} fail: {}. Stored content is still served; nothing new"
          + " is stored until writes work again (checked every {} s)", directory, detail,
          WriteRecovery.CHECK_INTERVAL.toSeconds());
    }
    return failure;
  }

  /** RocksDB says "While appending to file: /data/000004.log: No space left on device": the tail. */
  static String shortReason(String detail) {
    int colon = detail.lastIndexOf(": ");
    String tail = colon < 0 ? detail : detail.substring(colon + 2);
    return tail.isBlank() ? detail : tail.strip();
  }

  @Override
  public Optional<WriteFailure> writeFailure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public synchronized long failuresNoted() {
    return failuresNoted;
  }

  /**
   * Forgets the recorded failure unless a call failed after {@link #failuresNoted} returned
   * {@code failuresBeforeProbe}: a write failing while the probe ran is noted on the record
   * already there, and clearing that record would hide it until some later write fails.
   */
  @Override
  public synchronized boolean clearFailure(long failuresBeforeProbe) {
    if (failuresNoted != failuresBeforeProbe) {
      return false;
    }
    failure = null;
    return true;
  }

  /**
   * Writes and deletes a small record; true if both worked. A failure is recorded as any other
   * (see {@link #call}); other store errors (closed) count as not working.
   */
  @Override
  public boolean probeWrite() {
    try {
      run("probe that writes work", List.of(), rocks -> {
        rocks.put(defaultFamily, writeOptions, PROBE_KEY, clock.instant().toString()
            .getBytes(StandardCharsets.UTF_8));
        rocks.delete(defaultFamily, writeOptions, PROBE_KEY);
      });
      return true;
    } catch (StoreException e) {
      return false;
    }
  }

  /** Background (flush, compaction) errors since open: a rise may mean writes now fail. */
  @Override
  public long backgroundErrors() {
    try {
      return call("count background errors", List.of(),
          rocks -> rocks.getLongProperty("rocksdb.background-errors"));
    } catch (StoreException e) {
      return -1;
    }
  }

  /**
   * Closes and opens the database again, which clears RocksDB's stopped-writes state once the
   * disk takes writes. Running calls finish first; later ones wait for the new handles. If the
   * read-write open fails, the database is opened read-only so stored content keeps serving, and
   * the failure is thrown (the next attempt tries read-write again).
   */
  @Override
  public void reopen() {
    gate.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closeNative();
      try {
        openNative(false);
        log.info("Reopened the store in {}", directory);
      } catch (RocksDBException e) {
        openReadOnlyFallback();
        throw OpenFailure.explain(directory, e);
      }
    } finally {
      gate.writeLock().unlock();
    }
  }

  @Override
  public Optional<String> reopenBlocker() {
    return DataDirectory.reopenBlocker(directory);
  }

  private void openReadOnlyFallback() {
    try {
      openNative(true);
      log.warn("Opened the store in {} read-only: stored content is served, nothing new is stored",
          directory);
    } catch (RocksDBException e) {
      log.error("Cannot open the store in {} even read-only: {}", directory, e.getMessage());
    }
  }

  /** Releases the handles and the database, if open; the options stay for the next open. */
  private void closeNative() {
    if (db == null) {
      return;
    }
    handles.values().forEach(ColumnFamilyHandle::close);
    handles.clear();
    defaultFamily.close();
    try {
      db.closeE();
    } catch (RocksDBException e) {
      // Expected after a write failure ("Seen error. Skip writing buffer."): the WAL has every
      // write that succeeded, and the next open replays it.
      log.debug("Closing {} to reopen it reported: {}", directory, e.getMessage());
    }
    db = null;
  }

  /**
   * Flushes and releases everything; idempotent. Waits for running calls to finish, and no
   * iterator outlives a call, so nothing native is still in use when it is freed.
   */
  @Override
  public void close() {
    gate.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      StoreException closeFailure = db == null ? null : closeOpenDatabase();
      // 4. Options last: the database used them until it was closed.
      writeOptions.close();
      chunkReadOptions.close();
      tuning.close();
      if (closeFailure != null) {
        throw closeFailure;
      }
    } finally {
      gate.writeLock().unlock();
    }
  }

  /** Steps 1 to 3 of {@link #close}; returns a failure to close cleanly, to throw after step 4. */
  private StoreException closeOpenDatabase() {
    // 1. Flush the memtables. Not needed for durability (the WAL has every write), but the next
    //    open then starts without replaying the WAL. Pointless while writes fail, or read-only.
    if (failure == null && !readOnly) {
      try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
        db.flush(flush, List.copyOf(handles.values()));
      } catch (RocksDBException e) {
        if (isWriteFailure(e)) {
          // The disk filled up since the last write: RocksDB's close then fails the same way.
          noteFailure(String.valueOf(e.getMessage()));
        }
        log.warn("Flushing {} before close failed; the WAL will be replayed on open: {}",
            directory, e.getMessage());
      }
    }
    // 2. Column family handles before the database: RocksDB requires it.
    handles.values().forEach(ColumnFamilyHandle::close);
    defaultFamily.close();
    // 3. The database itself. After a write failure RocksDB reports the stored error again; the
    //    database is closed all the same, and the WAL holds every write that succeeded.
    try {
      db.closeE();
      return null;
    } catch (RocksDBException e) {
      if (failure != null) {
        log.warn("Closed {} while writes were failing: {}", directory, e.getMessage());
        return null;
      }
      return new StoreException("RocksDB failed to close storage in " + directory, e);
    }
  }
}
