package dev.lazaret.storage;

import java.util.List;
import java.util.Optional;

/**
 * A named, durable key-value space (holds, rules, decisions, ...) whose values are opaque bytes.
 * Spaces are isolated: a key in one is invisible in every other. Keys order by their UTF-8 bytes,
 * which is Unicode code point order. Records are never evicted.
 */
public interface RecordSpace {

  /** The space's name, as passed to {@link Storage#records}. */
  String name();

  /** The value stored under {@code key}, if any. */
  Optional<byte[]> get(String key);

  /** Stores {@code value} under {@code key}, replacing any previous value; durable on return. */
  void put(String key, byte[] value);

  /** Removes {@code key}; does nothing if it is absent. */
  void delete(String key);

  /**
   * Up to {@code limit} records whose keys start with {@code prefix} and sort after
   * {@code startAfter} (or from the first, if it is {@code null}), in key order. To page, pass the
   * last key of one page as {@code startAfter} of the next.
   */
  List<Record> scan(String prefix, String startAfter, int limit);

  /** The exact number of keys starting with {@code prefix}; linear in that number. */
  long count(String prefix);
}
