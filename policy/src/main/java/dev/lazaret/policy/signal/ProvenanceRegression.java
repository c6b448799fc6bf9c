package dev.lazaret.policy.signal;

import dev.lazaret.policy.SignalId;
import dev.lazaret.policy.SignalResult;

/**
 * Earlier versions carried provenance attestations (built by CI from a known repository) and
 * this one does not: someone published it another way, e.g. from a stolen token.
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
      return SignalResult.fired(id(), "dropped", "Earlier versions had provenance attestations;"
          + " this one has none.", "without the provenance earlier versions had");
    }
    return SignalResult.quiet(id(), "absent", "No version so far had provenance.");
  }
}
