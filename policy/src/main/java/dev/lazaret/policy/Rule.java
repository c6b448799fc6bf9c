package dev.lazaret.policy;

import dev.lazaret.policy.text.Moment;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A standing trust or deny rule. Trust skips the base cooldown (risky holds and blocks still
 * apply); deny blocks. Either may expire.
 *
 * @param effect    trust or deny
 * @param target    what the rule applies to
 * @param expiresAt the instant from which the rule no longer applies, if any
 * @param note      why the rule exists, shown in verdict reasons
 */
public record Rule(Effect effect, RuleTarget target, Optional<Instant> expiresAt, String note) {

  /** What a rule does. */
  public enum Effect { TRUST, DENY }

  /** Validates the rule. */
  public Rule {
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(note, "note");
  }

  /** A trust rule that never expires. */
  public static Rule trust(RuleTarget target, String note) {
    return new Rule(Effect.TRUST, target, Optional.empty(), note);
  }

  /** A deny rule that never expires. */
  public static Rule deny(RuleTarget target, String note) {
    return new Rule(Effect.DENY, target, Optional.empty(), note);
  }

  /** A copy that stops applying at {@code expiry}. */
  public Rule until(Instant expiry) {
    return new Rule(effect, target, Optional.of(expiry), note);
  }

  /** Whether the rule is in force at {@code now} (expiry is exclusive). */
  public boolean activeAt(Instant now) {
    return expiresAt.map(now::isBefore).orElse(true);
  }

  /**
   * A sentence describing the rule, for records: "Trust rule for scope @acme (until 2027-06-30
   * 00:00:00 UTC): ours".
   */
  public String describe() {
    return describe(expiresAt.map(e -> " (until " + Moment.utc(e) + ")").orElse(""));
  }

  /**
   * The same for verdict reasons, with the expiry relative to {@code now}: "Trust rule for scope
   * @acme (expires in 3 days (2027-06-30 00:00:00 UTC)): ours".
   */
  public String describe(Instant now) {
    return describe(expiresAt.map(e -> " (" + (now.isBefore(e) ? "expires " : "expired ")
        + Moment.relative(e, now) + ")").orElse(""));
  }

  private String describe(String until) {
    String what = (effect == Effect.TRUST ? "Trust rule for " : "Deny rule for ") + target;
    return what + until + (note.isEmpty() ? "" : ": " + note);
  }
}
