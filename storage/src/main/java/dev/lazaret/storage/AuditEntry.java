package dev.lazaret.storage;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of the {@link AuditLog}. The payload is the caller's own serialization; it is shared,
 * not copied, so callers must not modify it.
 *
 * @param sequence its position in the log: 1 for the first entry, then consecutive
 * @param at       when it happened, as the caller said
 * @param payload  the stored bytes
 */
public record AuditEntry(long sequence, Instant at, byte[] payload) {

  /** Validates the parts that may never be missing. */
  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(payload, "payload");
  }

  /** Equal when sequence, time and payload bytes are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof AuditEntry e
        && e.sequence == sequence && e.at.equals(at) && Arrays.equals(e.payload, payload);
  }

  @Override
  public int hashCode() {
    return (Long.hashCode(sequence) * 31 + at.hashCode()) * 31 + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return "AuditEntry[" + sequence + " at " + at + ", " + payload.length + " bytes]";
  }
}
