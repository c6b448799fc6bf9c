package dev.lazaret.policy.signal;

import java.util.OptionalInt;

/** Reads the major number of a version string; npm versions are semver, but be lenient. */
public final class VersionNumber {

  private VersionNumber() {
  }

  /** The leading number of {@code version} (a leading {@code v} or {@code =} is skipped). */
  public static OptionalInt major(String version) {
    int i = 0;
    while (i < version.length() && (version.charAt(i) == 'v' || version.charAt(i) == '=')) {
      i++;
    }
    int start = i;
    while (i < version.length() && Character.isDigit(version.charAt(i)) && i - start < 9) {
      i++;
    }
    return i == start ? OptionalInt.empty()
        : OptionalInt.of(Integer.parseInt(version.substring(start, i)));
  }
}
