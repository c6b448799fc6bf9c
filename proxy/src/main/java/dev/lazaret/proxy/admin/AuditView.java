package dev.lazaret.proxy.admin;

import dev.lazaret.proxy.quarantine.AuditEvent;
import dev.lazaret.storage.AuditEntry;
import java.time.Instant;
import java.util.Map;

/**
 * One audit log entry as the API shows it.
 *
 * @param sequence its number in the log (1, 2, 3, ...)
 * @param at       when
 * @param actor    who: a token name, or {@code lazaret}
 * @param action   what: {@code approve}, {@code reject}, {@code rule-add}, ...
 * @param target   what it was done to
 * @param reason   why, in the actor's words
 * @param details  anything else recorded
 */
public record AuditView(long sequence, Instant at, String actor, String action, String target,
    String reason, Map<String, String> details) {

  /** The view of {@code entry}; an entry that cannot be read shows as action {@code unreadable}. */
  public static AuditView of(AuditEntry entry) {
    try {
      AuditEvent e = AuditEvent.decode(entry.payload());
      return new AuditView(entry.sequence(), entry.at(), e.actor(), e.action(), e.target(),
          e.reason(), e.details());
    } catch (RuntimeException e) {
      // Never hide that an entry exists, even if a newer release wrote it in another shape.
      return new AuditView(entry.sequence(), entry.at(), null, "unreadable", null, null,
          Map.of());
    }
  }
}
