package dev.lazaret.policy.signal;

import dev.lazaret.policy.SignalId;
import dev.lazaret.policy.SignalResult;

/**
 * Earlier versions carried provenance attestations (built by CI from a known repository) and
 * this one does not: someone published it another way, e.g. from a stolen token. Quiet when the
 * maintainers stopped long ago (see {@link LongStanding}): that is their habit, not a change.
 */
public final class ProvenanceRegression implements Signal {

  @Override
  public SignalId id() {
    return SignalId.PROVENANCE_REGRESSION;
  }

  @Override
  public SignalResult evaluate(VersionContext c) {
    if (c.version().provenance()) {
      return SignalResult.quiet(id(), "present", "The version has a provenance attestation.");
    }
    if (c.history().provenanceBefore(c.version())) {
      var habit = LongStanding.shape(c.version(),
          c.history().sameProvenanceBefore(c.version()));
      if (habit.isPresent()) {
        return SignalResult.quiet(id(), "absent", "Earlier versions had provenance, but the "
            + habit.get() + " before this one had none either: a long-standing shape.");
      }
      return SignalResult.fired(id(), "dropped", "Earlier versions had provenance attestations;"
          + " this one has none.", "without the provenance earlier versions had");
    }
    return SignalResult.quiet(id(), "absent", "No version so far had provenance.");
  }
}
