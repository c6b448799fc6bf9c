package dev.lazaret.proxy.quarantine;

import java.util.Optional;

/** What became of an analyst decision handed to the {@link QuarantineState}. */
public sealed interface DecisionOutcome {

  /**
   * The decision was stored with the hold's new state and its audit entry, all at once.
   *
   * @param hold the hold as it now stands, or empty if the version was never recorded
   */
  record Decided(Optional<HoldRecord> hold) implements DecisionOutcome {
  }

  /**
   * The decision was refused because the hold had already been decided (by another analyst, or
   * a moment earlier); the refused attempt is in the audit log, and nothing else changed.
   *
   * @param hold the hold as it stands, with the decision that won
   */
  record Refused(HoldRecord hold) implements DecisionOutcome {
  }

  /**
   * The decision already stored on {@code before} that a new one must not overwrite: present
   * when the hold was decided and the caller did not say it replaces that decision.
   */
  static Optional<HoldRecord.Decision> standing(Optional<HoldRecord> before, boolean replace) {
    return replace ? Optional.empty() : before.map(HoldRecord::decision);
  }
}
