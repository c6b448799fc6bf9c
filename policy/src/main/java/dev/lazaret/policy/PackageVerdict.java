package dev.lazaret.policy;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
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

  /** What a version the policy was never asked about gets: a security gate fails closed. */
  static final Verdict.Block UNJUDGED =
      new Verdict.Block(List.of("no verdict for this version"));

  /** Copies the verdicts. */
  public PackageVerdict {
    verdicts = Map.copyOf(verdicts);
  }

  /** Every one of {@code versions} allowed, nothing else: what a plain caching proxy decides. */
  public static PackageVerdict allowing(Collection<String> versions) {
    Map<String, Verdict> all = new LinkedHashMap<>();
    versions.forEach(v -> all.put(v, Verdict.Allow.PLAIN));
    return new PackageVerdict(all, Optional.empty());
  }

  /**
   * The verdict for {@code version}; a version the policy was not asked about is blocked, so a
   * version that reaches clients without having been judged (facts that missed it, a document
   * that changed between judging and serving) is never served by mistake.
   */
  public Verdict of(String version) {
    return verdicts.getOrDefault(version, UNJUDGED);
  }
}
