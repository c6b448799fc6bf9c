package dev.lazaret.storage.rocks;

import java.util.Arrays;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * A forward walk over the keys of one family from {@code from} (inclusive) to {@code to}
 * (exclusive, or to the end if {@code null}), owning the iterator and its bound for the walk.
 */
final class KeyRange {

  /** Sees each key in order; returns {@code false} to stop the walk. */
  @FunctionalInterface
  interface Visitor {
    boolean visit(RocksIterator at) throws RocksDBException;
  }

  private KeyRange() {}

  static void walk(RocksDB rocks, ColumnFamilyHandle family, byte[] from, byte[] to, Visitor visitor)
      throws RocksDBException {
    // The bound lets RocksDB stop at the end of the range instead of reading past it.
    try (Slice bound = to == null ? null : new Slice(to);
         ReadOptions read = new ReadOptions().setIterateUpperBound(bound);
         RocksIterator it = rocks.newIterator(family, read)) {
      for (it.seek(from); it.isValid() && visitor.visit(it); it.next()) {
        // The visitor does the work.
      }
      it.status();
    }
  }

  /**
   * The smallest key above every key that starts with {@code prefix}, or {@code null} if there is
   * none (the prefix is all 0xFF bytes).
   */
  static byte[] endOfPrefix(byte[] prefix) {
    for (int i = prefix.length - 1; i >= 0; i--) {
      if (prefix[i] != (byte) 0xFF) {
        byte[] end = Arrays.copyOf(prefix, i + 1);
        end[i]++;
        return end;
      }
    }
    return null;
  }

  /** The smallest key that sorts after {@code key}: the key itself followed by a zero byte. */
  static byte[] justAfter(byte[] key) {
    return Arrays.copyOf(key, key.length + 1);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }

  static int requireLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    return limit;
  }
}
