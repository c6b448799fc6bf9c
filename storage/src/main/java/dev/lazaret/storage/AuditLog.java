package dev.lazaret.storage;

import java.time.Instant;
import java.util.List;

/**
 * Append-only, durable log of what analysts and the quarantine did. Entries are numbered 1, 2, 3,
 * ... with no gaps, even under concurrent appends, and are never rewritten or deleted.
 */
public interface AuditLog {

  /** Appends an entry; durable on return, numbered one past every entry appended before it. */
  AuditEntry append(Instant at, byte[] payload);

  /** Up to {@code limit} entries numbered after {@code sequence}, in sequence order. */
  List<AuditEntry> after(long sequence, int limit);

  /**
   * Up to {@code limit} entries whose time is at or after {@code from}, oldest first (ties in
   * sequence order). Times are the callers', so they need not follow the sequence order.
   */
  List<AuditEntry> since(Instant from, int limit);

  /** The number of the latest entry, or 0 if the log is empty. */
  long lastSequence();
}
