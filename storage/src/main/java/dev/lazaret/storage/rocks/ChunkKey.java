package dev.lazaret.storage.rocks;

import java.nio.ByteBuffer;

/**
 * Keys of the tarball chunk and staging families. A chunk key is the staging id then the chunk
 * index, both big-endian, so one download's chunks are contiguous and in order and can be dropped
 * with a single range delete.
 */
final class ChunkKey {

  static final int LENGTH = Long.BYTES + Integer.BYTES;

  private ChunkKey() {}

  static byte[] of(long stagingId, int index) {
    return ByteBuffer.allocate(LENGTH).putLong(stagingId).putInt(index).array();
  }

  /** Writes the key of chunk {@code index} into {@code key}, ready to read (position 0). */
  static ByteBuffer into(ByteBuffer key, long stagingId, int index) {
    return key.clear().putLong(stagingId).putInt(index).flip();
  }

  /** The staging family's key, and also the lowest possible key of that download's chunks. */
  static byte[] staging(long stagingId) {
    return ByteBuffer.allocate(Long.BYTES).putLong(stagingId).array();
  }

  static long stagingIdOf(byte[] stagingKey) {
    return ByteBuffer.wrap(stagingKey).getLong();
  }

  /** Inclusive start of a download's chunk range. */
  static byte[] rangeStart(long stagingId) {
    return staging(stagingId);
  }

  /**
   * Exclusive end of a download's chunk range: chunk indexes are non-negative ints, so their first
   * byte is at most 0x7F and index bytes 0x80000000 sort after every one of them.
   */
  static byte[] rangeEnd(long stagingId) {
    return of(stagingId, Integer.MIN_VALUE);
  }
}
