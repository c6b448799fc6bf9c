package dev.lazaret.storage;

import dev.lazaret.storage.rocks.RocksStorage;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Lazaret's state on disk: one RocksDB database holding packuments (with the hottest also kept in
 * memory), tarballs, the removed-version log, the quarantine's records and the audit log. Only
 * tarballs are ever evicted. Open one per data directory and close it on
 * shutdown; a second open of the same directory, in any process, fails while this one is open.
 *
 * <p>If the disk stops taking writes (full, read-only), reads go on, writes throw
 * {@link WritesFailingException}, {@link #writeFailure()} says why, and a background thread
 * brings writes back (reopening the database if needed) within seconds of the disk taking them
 * again. Opening on a full disk opens read-only, and recovers the same way.
 */
public final class Storage implements AutoCloseable {

  private final RocksStorage rocks;
  private final HotPackumentStore packuments;

  private Storage(RocksStorage rocks, long hotPackumentBytes) {
    this.rocks = rocks;
    this.packuments = new HotPackumentStore(rocks.packuments(), hotPackumentBytes);
  }

  /**
   * Opens (creating if needed) the storage in {@code options.directory()}, discarding any tarball
   * download a crash left unfinished. Fails with a one-line {@link StoreException} naming the
   * directory if it is not writable or is locked by another running Lazaret.
   */
  public static Storage open(StorageOptions options) {
    RocksStorage rocks =
        RocksStorage.open(options.directory(), options.tarballChunkSize(), Clock.systemUTC());
    return new Storage(rocks, options.hotPackumentBytes());
  }

  /** Packuments, the most requested served from memory; writes are durable when they return. */
  public PackumentStore packuments() {
    return packuments;
  }

  /** Content-addressed tarballs. */
  public TarballStore tarballs() {
    return rocks.tarballs();
  }

  /** Versions that vanished upstream. */
  public RemovedVersionLog removedVersions() {
    return rocks.removedVersions();
  }

  /**
   * The record space {@code space} (e.g. {@code holds}, {@code rules}, {@code decisions}); its
   * name must be non-empty and without NUL. Records are durable and never evicted.
   */
  public RecordSpace records(String space) {
    return rocks.records(space);
  }

  /** The append-only audit log. */
  public AuditLog auditLog() {
    return rocks.auditLog();
  }

  /**
   * Runs {@code writes}, which gathers record writes and audit appends in the given
   * {@link RecordBatch}, then stores all of them in one atomic write: after a crash either all are
   * there or none. Returns the appended audit entries with their sequence numbers, in the order
   * appended. If {@code writes} throws, nothing is stored and no sequence number is used.
   */
  public List<AuditEntry> writeAtomically(Consumer<RecordBatch> writes) {
    return rocks.writeAtomically(writes);
  }

  /**
   * Why writes fail at the moment (disk full, read-only), if they do. Reads keep working
   * meanwhile, and the store recovers by itself (within seconds) once writes work again; writes
   * that fail meanwhile throw {@link WritesFailingException}.
   */
  public Optional<WriteFailure> writeFailure() {
    return rocks.writeFailure();
  }

  /** Approximate bytes of stored data (files on disk plus unflushed writes), for metrics. */
  public long approximateSizeBytes() {
    return rocks.approximateSizeBytes();
  }

  /**
   * Flushes and closes; idempotent. Every store obtained from this storage fails fast with
   * {@link StoreException} afterwards.
   */
  @Override
  public void close() {
    // The cache first, so that no read is answered from memory once closing has begun.
    packuments.close();
    rocks.close();
  }
}
