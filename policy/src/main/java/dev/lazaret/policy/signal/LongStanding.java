package dev.lazaret.policy.signal;

import dev.lazaret.policy.VersionFacts;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Whether a version's shape (its install hooks, its lack of provenance) is the package's own
 * long-standing habit rather than a change: at least {@link #MIN_RELEASES} releases just before
 * it had the same shape, the oldest of them published more than {@link #MIN_SPAN} before it. A
 * shape that has not changed in months is not a sign of a takeover; a change is.
 */
final class LongStanding {

  /** Earlier releases in a row that must share the shape. */
  static final int MIN_RELEASES = 2;
  /** How long before the version the oldest of them must have been published. */
  static final Duration MIN_SPAN = Duration.ofDays(90);

  private LongStanding() {
  }

  /**
   * How long {@code v} has had its shape, given the {@code run} of releases just before it that
   * share it ("4 releases over 2 years"), or empty if that is not long-standing.
   */
  static Optional<String> shape(VersionFacts v, List<VersionFacts> run) {
    if (run.size() < MIN_RELEASES || v.publishedAt() == null
        || run.getFirst().publishedAt() == null) {
      return Optional.empty();
    }
    Duration span = Duration.between(run.getFirst().publishedAt(), v.publishedAt());
    if (span.compareTo(MIN_SPAN) <= 0) {
      return Optional.empty();
    }
    return Optional.of(run.size() + " releases over " + HumanDuration.format(span));
  }
}
