package dev.lazaret.storage.rocks;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * Keys of the audit families. The log is keyed by sequence, big-endian, so it iterates in append
 * order. The time index is keyed by the entry's time then its sequence: callers supply the times,
 * which need not rise with the sequence, so the log's own order cannot answer "since when".
 */
final class AuditKey {

  private static final int TIME_LENGTH = Long.BYTES + Integer.BYTES + Long.BYTES;

  private AuditKey() {}

  static byte[] sequence(long sequence) {
    return ByteBuffer.allocate(Long.BYTES).putLong(sequence).array();
  }

  static long sequenceOf(byte[] key) {
    return ByteBuffer.wrap(key).getLong();
  }

  static byte[] time(Instant at, long sequence) {
    // Flipping the sign bit makes negative seconds (before 1970) sort first as unsigned bytes.
    return ByteBuffer.allocate(TIME_LENGTH)
        .putLong(at.getEpochSecond() ^ Long.MIN_VALUE)
        .putInt(at.getNano())
        .putLong(sequence)
        .array();
  }

  /** The lowest time-index key at {@code at}: sequences start at 1. */
  static byte[] timeFloor(Instant at) {
    return time(at, 0);
  }

  static long sequenceOfTimeKey(byte[] key) {
    return ByteBuffer.wrap(key, Long.BYTES + Integer.BYTES, Long.BYTES).getLong();
  }
}
