package dev.lazaret.policy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The verdict on every version of one package, and the moment it stops being valid (when the
 * earliest hold ends), so that a cached view built from it can be rebuilt exactly then.
 *
 * @param verdicts   verdict by version
 * @param validUntil the first instant at which judging again could give another answer, if any
 */
public record PackageVerdict(Map<String, Verdict> verdicts, Optional<Instant> validUntil) {

  /** Copies the verdicts. */
  public PackageVerdict {
    verdicts = Map.copyOf(verdicts);
  }

  /** The verdict for {@code version}; versions the policy was not asked about are allowed. */
  public Verdict of(String version) {
    return verdicts.getOrDefault(version, Verdict.Allow.PLAIN);
  }
}
