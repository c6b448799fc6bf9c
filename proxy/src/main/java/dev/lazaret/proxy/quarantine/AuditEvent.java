package dev.lazaret.proxy.quarantine;

import dev.lazaret.policy.AnalystDecision;
import java.time.Instant;
import java.util.Map;

/**
 * One entry of the audit trail, as stored: who did what to which target, when and why.
 *
 * @param at      when
 * @param actor   who (an analyst or token name, or {@code lazaret} for automatic events)
 * @param action  what, e.g. {@code approve}, {@code reject}
 * @param target  what it was done to, e.g. {@code left-pad@1.3.0}
 * @param reason  why, in the actor's words
 * @param details anything else worth keeping
 */
public record AuditEvent(Instant at, String actor, String action, String target, String reason,
    Map<String, String> details) {

  /** Copies the details. */
  public AuditEvent {
    details = details == null ? Map.of() : Map.copyOf(details);
  }

  /** The entry for an analyst's decision that was stored. */
  public static AuditEvent decided(AnalystDecision decision) {
    return new AuditEvent(decision.decidedAt(), decision.analyst(), action(decision.approved()),
        target(decision), decision.note(), Map.of());
  }

  /**
   * The entry for an analyst's decision refused because {@code won} was already stored: both
   * attempts stay in the trail, the losing one naming the decision that won.
   */
  public static AuditEvent refused(AnalystDecision decision, HoldRecord.Decision won) {
    return new AuditEvent(decision.decidedAt(), decision.analyst(),
        action(decision.approved()) + "-refused", target(decision), decision.note(),
        Map.of("decidedBy", won.analyst(), "decision", action(won.approved()),
            "decidedAt", won.at().toString()));
  }

  private static String action(boolean approved) {
    return approved ? "approve" : "reject";
  }

  private static String target(AnalystDecision decision) {
    return decision.packageName() + "@" + decision.version();
  }

  /** Encodes the event for the audit log. */
  public byte[] encode() {
    return StoredJson.write(this);
  }

  /** Decodes an event from the audit log. */
  public static AuditEvent decode(byte[] payload) {
    return StoredJson.read(payload, AuditEvent.class, "audit entry");
  }

  /** This event with {@code key} set to {@code value} in its details (e.g. the writing node). */
  public AuditEvent withDetail(String key, String value) {
    Map<String, String> more = new java.util.HashMap<>(details);
    more.put(key, value);
    return new AuditEvent(at, actor, action, target, reason, more);
  }
}
