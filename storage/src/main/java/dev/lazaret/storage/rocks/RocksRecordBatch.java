package dev.lazaret.storage.rocks;

import dev.lazaret.storage.RecordBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Gathers the writes of one {@link dev.lazaret.storage.Storage#writeAtomically} call in plain Java
 * objects: no native batch exists while caller code runs, so a consumer that throws leaves nothing
 * to free and nothing written. Each write is validated when it is added.
 */
final class RocksRecordBatch implements RecordBatch {

  /** One gathered record write, replayed into the native batch. */
  @FunctionalInterface
  interface Write {
    void addTo(WriteBatch batch) throws RocksDBException;
  }

  /** An audit entry waiting for its sequence number. */
  record Append(Instant at, byte[] payload) {}

  private final Database db;
  private final List<Write> writes = new ArrayList<>();
  private final List<Append> appends = new ArrayList<>();
  private boolean sealed;

  RocksRecordBatch(Database db) {
    this.db = db;
  }

  @Override
  public RecordBatch put(String space, String key, byte[] value) {
    requireOpen();
    byte[] stored = RecordKey.of(RecordKey.spacePrefix(space), key);
    // Copied: the caller may reuse its array before the batch is written.
    byte[] copy = Objects.requireNonNull(value, "value").clone();
    writes.add(batch -> batch.put(db.handle(Family.RECORDS), stored, copy));
    return this;
  }

  @Override
  public RecordBatch delete(String space, String key) {
    requireOpen();
    byte[] stored = RecordKey.of(RecordKey.spacePrefix(space), key);
    writes.add(batch -> batch.delete(db.handle(Family.RECORDS), stored));
    return this;
  }

  @Override
  public RecordBatch appendAudit(Instant at, byte[] payload) {
    requireOpen();
    Objects.requireNonNull(at, "at");
    appends.add(new Append(at, Objects.requireNonNull(payload, "payload").clone()));
    return this;
  }

  /** Ends the consumer's use of this batch; later calls fail. */
  void seal() {
    sealed = true;
  }

  List<Write> writes() {
    return writes;
  }

  List<Append> appends() {
    return appends;
  }

  private void requireOpen() {
    if (sealed) {
      throw new IllegalStateException("a record batch is usable only inside writeAtomically");
    }
  }
}
