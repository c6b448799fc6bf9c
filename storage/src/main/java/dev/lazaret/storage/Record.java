package dev.lazaret.storage;

import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of a {@link RecordSpace}. The value is the caller's own serialization; it is shared,
 * not copied, so callers must not modify it.
 *
 * @param key   the key within its space
 * @param value the stored bytes
 */
public record Record(String key, byte[] value) {

  /** Validates that neither part is missing. */
  public Record {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }

  /** Equal when the keys and the value bytes are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Record r && r.key.equals(key) && Arrays.equals(r.value, value);
  }

  @Override
  public int hashCode() {
    return key.hashCode() * 31 + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "Record[" + key + ", " + value.length + " bytes]";
  }
}
