package dev.lazaret.storage.rocks;

import dev.lazaret.storage.AuditEntry;
import dev.lazaret.storage.AuditLog;
import dev.lazaret.storage.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * The audit log in two families: entries by sequence, and an index by the entries' times, always
 * written in the same batch. Also the writer of {@link RocksRecordBatch}es, because a batch that
 * appends entries must be numbered under the same lock as every other append.
 */
final class RocksAuditLog implements AuditLog {

  private static final List<Family> BATCH_FAMILIES =
      List.of(Family.RECORDS, Family.AUDIT_LOG, Family.AUDIT_BY_TIME);
  private static final List<Family> AUDIT_FAMILIES = List.of(Family.AUDIT_LOG, Family.AUDIT_BY_TIME);
  private static final byte[] NO_VALUE = new byte[0];

  private final Database db;
  /**
   * Appends are serialized: a number is taken and written under this lock, and counted as taken
   * only once the write returned, so a failed write leaves no gap. Appends are a handful per
   * request at most, so one lock costs nothing.
   */
  private final ReentrantLock appendLock = new ReentrantLock();
  /** Written under the lock; volatile so {@link #lastSequence()} reads it without the lock. */
  private volatile long lastSequence;

  RocksAuditLog(Database db) {
    this.db = db;
    // The last key is the last sequence: nothing else needs persisting, and nothing can drift.
    this.lastSequence = db.call("find the last audit sequence", Family.AUDIT_LOG, rocks -> {
      try (RocksIterator it = rocks.newIterator(db.handle(Family.AUDIT_LOG))) {
        it.seekToLast();
        long last = it.isValid() ? AuditKey.sequenceOf(it.key()) : 0;
        it.status();
        return last;
      }
    });
  }

  @Override
  public AuditEntry append(Instant at, byte[] payload) {
    RocksRecordBatch batch = new RocksRecordBatch(db);
    batch.appendAudit(at, payload);
    batch.seal();
    return write(batch).getFirst();
  }

  /** Writes a sealed batch in one RocksDB write; returns its audit entries, numbered. */
  List<AuditEntry> write(RocksRecordBatch batch) {
    if (batch.appends().isEmpty()) {
      writeBatch(batch, List.of());
      return List.of();
    }
    appendLock.lock();
    try {
      List<AuditEntry> entries = new ArrayList<>(batch.appends().size());
      long sequence = lastSequence;
      for (RocksRecordBatch.Append append : batch.appends()) {
        entries.add(new AuditEntry(++sequence, append.at(), append.payload()));
      }
      writeBatch(batch, entries);
      lastSequence = sequence;
      return List.copyOf(entries);
    } finally {
      appendLock.unlock();
    }
  }

  @Override
  public List<AuditEntry> after(long sequence, int limit) {
    KeyRange.requireLimit(limit);
    if (sequence == Long.MAX_VALUE) {
      return List.of();
    }
    byte[] from = AuditKey.sequence(Math.max(sequence, 0) + 1);
    return db.call("read audit entries after " + sequence, Family.AUDIT_LOG, rocks -> {
      List<AuditEntry> found = new ArrayList<>();
      KeyRange.walk(rocks, db.handle(Family.AUDIT_LOG), from, null, at -> {
        found.add(AuditRecord.decode(AuditKey.sequenceOf(at.key()), at.value()));
        return found.size() < limit;
      });
      return found;
    });
  }

  @Override
  public List<AuditEntry> since(Instant from, int limit) {
    Objects.requireNonNull(from, "from");
    KeyRange.requireLimit(limit);
    return db.call("read audit entries since " + from, AUDIT_FAMILIES, rocks -> {
      List<Long> sequences = new ArrayList<>();
      KeyRange.walk(rocks, db.handle(Family.AUDIT_BY_TIME), AuditKey.timeFloor(from), null, at -> {
        sequences.add(AuditKey.sequenceOfTimeKey(at.key()));
        return sequences.size() < limit;
      });
      List<AuditEntry> found = new ArrayList<>(sequences.size());
      for (long sequence : sequences) {
        found.add(read(rocks, sequence));
      }
      return found;
    });
  }

  @Override
  public long lastSequence() {
    return lastSequence;
  }

  private AuditEntry read(RocksDB rocks, long sequence) throws RocksDBException {
    byte[] value = rocks.get(db.handle(Family.AUDIT_LOG), AuditKey.sequence(sequence));
    if (value == null) {
      // Entry and index are written together and never deleted: this is damage.
      throw new StoreException("audit entry " + sequence + " is indexed but missing in "
          + db.directory());
    }
    return AuditRecord.decode(sequence, value);
  }

  private void writeBatch(RocksRecordBatch gathered, List<AuditEntry> entries) {
    String operation = entries.isEmpty() ? "write records atomically"
        : "append audit entries " + entries.getFirst().sequence() + ".."
            + entries.getLast().sequence();
    db.run(operation, BATCH_FAMILIES, rocks -> {
      try (WriteBatch batch = new WriteBatch()) {
        for (RocksRecordBatch.Write write : gathered.writes()) {
          write.addTo(batch);
        }
        for (AuditEntry entry : entries) {
          batch.put(db.handle(Family.AUDIT_LOG),
              AuditKey.sequence(entry.sequence()), AuditRecord.encode(entry));
          batch.put(db.handle(Family.AUDIT_BY_TIME),
              AuditKey.time(entry.at(), entry.sequence()), NO_VALUE);
        }
        rocks.write(db.writeOptions(), batch);
      }
    });
  }
}
