package dev.lazaret.storage;

import java.time.Instant;

/**
 * Writes gathered by {@link Storage#writeAtomically}: nothing is stored until the consumer returns,
 * and then everything is stored together or nothing is. Usable only inside that consumer.
 */
public interface RecordBatch {

  /** Stores {@code value} under {@code key} in {@code space}, replacing any previous value. */
  RecordBatch put(String space, String key, byte[] value);

  /** Removes {@code key} from {@code space}. */
  RecordBatch delete(String space, String key);

  /** Appends an audit entry; its number is assigned when the batch is written. */
  RecordBatch appendAudit(Instant at, byte[] payload);
}
