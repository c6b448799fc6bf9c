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

  /** The lookup did not run, e.g. {@code "advisory service unreachable"}. */
  static Advisories skipped(String why) {
    return new Skipped(why);
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

  /** A lookup that did not happen. */
  record Skipped(String why) implements Advisories {
    /** Validates the reason. */
    public Skipped {
      Objects.requireNonNull(why, "why");
    }

    @Override
    public List<String> malwareFor(String version) {
      return List.of();
    }
  }
}
