package dev.lazaret.policy;

import java.util.Objects;
import java.util.Set;

/**
 * One combination of signals that makes a version risky: it matches when every signal in
 * {@code allOf} fired.
 *
 * @param description what the combination means, for verdict reasons (e.g. "a fresh account
 *                    publishing a new package")
 * @param allOf       the signals that must all fire
 */
public record RiskRule(String description, Set<SignalId> allOf) {

  /** Validates the rule. */
  public RiskRule {
    Objects.requireNonNull(description, "description");
    allOf = Set.copyOf(allOf);
    if (allOf.isEmpty()) {
      throw new IllegalArgumentException("risk rule '" + description + "' names no signal");
    }
  }

  /** A rule matching when all of {@code signals} fire. */
  public static RiskRule of(String description, SignalId... signals) {
    return new RiskRule(description, Set.of(signals));
  }

  /** Whether every signal of this rule is among {@code fired}. */
  public boolean matches(Set<SignalId> fired) {
    return fired.containsAll(allOf);
  }
}
