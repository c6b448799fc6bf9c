package dev.lazaret.storage.rocks;

import dev.lazaret.storage.AuditEntry;

/** The stored value of an audit entry: its time and payload (the sequence is the key). */
final class AuditRecord {

  private static final byte FORMAT = 1;

  private AuditRecord() {}

  static byte[] encode(AuditEntry entry) {
    return new RecordWriter(FORMAT).putInstant(entry.at()).putBytes(entry.payload()).toBytes();
  }

  static AuditEntry decode(long sequence, byte[] value) {
    RecordReader in = new RecordReader(value, FORMAT, "audit entry " + sequence);
    return new AuditEntry(sequence, in.getInstant(), in.getBytes());
  }
}
