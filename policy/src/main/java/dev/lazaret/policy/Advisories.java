package dev.lazaret.policy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of looking a package up in the malware advisory service: either the advisory ids
 * per version, or a note that the lookup was skipped (and why), which verdicts then mention.
 */
public sealed interface Advisories {

  /** The malware advisory ids listing {@code version}; empty if none or if skipped. */
  List<String> malwareFor(String version);

  /** The lookup ran; {@code malwareIdsByVersion} lists the versions under malware advisories. */
  static Advisories checked(Map<String, List<String>> malwareIdsByVersion) {
    return new Checked(malwareIdsByVersion);
  }

  /** The lookup ran and found nothing. */
  static Advisories clean() {
    return new Checked(Map.of());
  }

  /**
   * The lookup could not be made now, e.g. {@code "advisory service unreachable"}: worth
   * asking again soon.
   */
  static Advisories skipped(String why) {
    return new Skipped(Skipped.Cause.UNAVAILABLE, why);
  }

  /** The lookup did not run, for {@code cause}, described by {@code why}. */
  static Advisories skipped(Skipped.Cause cause, String why) {
    return new Skipped(cause, why);
  }

  /** A completed lookup. */
  record Checked(Map<String, List<String>> malwareIdsByVersion) implements Advisories {
    /** Copies the map. */
    public Checked {
      malwareIdsByVersion = Map.copyOf(malwareIdsByVersion);
    }

    @Override
    public List<String> malwareFor(String version) {
      return List.copyOf(malwareIdsByVersion.getOrDefault(version, List.of()));
    }
  }

  /**
   * A lookup that did not happen.
   *
   * @param cause what kind of reason it is, for code: whether asking again may help
   * @param why   the reason in words, for people (verdicts quote it)
   */
  record Skipped(Cause cause, String why) implements Advisories {

    /** Why a lookup did not happen, as far as deciding what to do next goes. */
    public enum Cause {
      /** The advisory check is switched off by configuration. */
      SWITCHED_OFF,
      /** The upstream has no advisory service (it answered 4xx, as many private registries
       *  do, or none is configured for it): asking again soon will not change that. */
      NO_SERVICE,
      /** The service could not be asked now (unreachable, timed out, 5xx): ask again. */
      UNAVAILABLE
    }

    /** Validates the reason. */
    public Skipped {
      Objects.requireNonNull(cause, "cause");
      Objects.requireNonNull(why, "why");
    }

    /** Whether asking again soon may give an answer. */
    public boolean worthRetrying() {
      return cause == Cause.UNAVAILABLE;
    }

    @Override
    public List<String> malwareFor(String version) {
      return List.of();
    }
  }
}
