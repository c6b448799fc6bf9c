package dev.lazaret.storage.rocks;

import dev.lazaret.storage.StoreException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.FlushOptions;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open RocksDB database and its native handles. Every access goes through {@link #call}, which
 * fails fast once the database is closed, keeps {@link #close()} from freeing native memory under a
 * running call, and turns each {@link RocksDBException} into a {@link StoreException} naming the
 * operation and the column families involved.
 */
final class Database implements AutoCloseable {

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

  private final Path directory;
  private final Tuning tuning;
  private final RocksDB db;
  private final ColumnFamilyHandle defaultFamily;
  private final Map<Family, ColumnFamilyHandle> handles;
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

  private Database(Path directory, Tuning tuning, RocksDB db, List<ColumnFamilyHandle> opened) {
    this.directory = directory;
    this.tuning = tuning;
    this.db = db;
    this.defaultFamily = opened.get(0);
    this.handles = new EnumMap<>(Family.class);
    // Tuning.descriptors() lists the default family, then Family.values() in order.
    for (Family family : Family.values()) {
      handles.put(family, opened.get(family.ordinal() + 1));
    }
  }

  /** Opens (creating if needed) the database in {@code directory}, which must already exist. */
  static Database open(Path directory) {
    Tuning tuning = new Tuning();
    List<ColumnFamilyHandle> opened = new ArrayList<>();
    try {
      RocksDB db = RocksDB.open(tuning.dbOptions(), directory.toString(), tuning.descriptors(), opened);
      return new Database(directory, tuning, db, opened);
    } catch (RocksDBException e) {
      opened.forEach(ColumnFamilyHandle::close);
      tuning.close();
      throw OpenFailure.explain(directory, e);
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

  /** Runs {@code call} while the database is open; {@code families} are named if it fails. */
  <T> T call(String operation, List<Family> families, RocksCall<T> call) {
    gate.readLock().lock();
    try {
      if (closed) {
        throw new StoreException("cannot " + operation + ": storage in " + directory + " is closed");
      }
      return call.apply(db);
    } catch (RocksDBException e) {
      throw new StoreException("RocksDB failed to " + operation + " in column family "
          + families.stream().map(Family::label).collect(Collectors.joining(", "))
          + " of " + directory + ": " + e.getMessage(), e);
    } finally {
      gate.readLock().unlock();
    }
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
      // 1. Flush the memtables. Not needed for durability (the WAL has every write), but the next
      //    open then starts without replaying the WAL.
      try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
        db.flush(flush, List.copyOf(handles.values()));
      } catch (RocksDBException e) {
        log.warn("Flushing {} before close failed; the WAL will be replayed on open", directory, e);
      }
      // 2. Column family handles before the database: RocksDB requires it.
      handles.values().forEach(ColumnFamilyHandle::close);
      defaultFamily.close();
      // 3. The database itself, surfacing (after step 4) a failure to close it cleanly.
      StoreException failure = null;
      try {
        db.closeE();
      } catch (RocksDBException e) {
        failure = new StoreException("RocksDB failed to close storage in " + directory, e);
      }
      // 4. Options last: the database used them until it was closed.
      writeOptions.close();
      chunkReadOptions.close();
      tuning.close();
      if (failure != null) {
        throw failure;
      }
    } finally {
      gate.writeLock().unlock();
    }
  }
}
