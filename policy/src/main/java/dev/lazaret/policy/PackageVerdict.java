package dev.lazaret.policy;

import java.time.Instant;
import java.util.List;
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

  /** What a version the policy was never asked about gets: a security gate fails closed. */
  static final Verdict.Block UNJUDGED =
      new Verdict.Block(List.of("no verdict for this version"));

  /**
   * The verdict for {@code version}; a version the policy was not asked about is blocked, so a
   * version that reaches clients without having been judged (facts that missed it, a document
   * that changed between judging and serving) is never served by mistake.
   */
  public Verdict of(String version) {
    return verdicts.getOrDefault(version, UNJUDGED);
  }
}
