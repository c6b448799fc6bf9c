package dev.lazaret.proxy.npm;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version, ordered by SemVer 2.0 precedence (build metadata ignored). Only what moving
 * dist-tags needs: parsing, comparing, and telling prereleases apart.
 */
public record SemVer(long major, long minor, long patch, String prerelease)
    implements Comparable<SemVer> {

  /**
   * The largest number a version part may have, as in node-semver (JavaScript's
   * {@code Number.MAX_SAFE_INTEGER}): npm refuses larger ones, and range arithmetic
   * ({@code ^N} is below {@code N+1}) can never overflow a long.
   */
  public static final long MAX_NUMBER = 9_007_199_254_740_991L;

  private static final Pattern FORMAT = Pattern.compile(
      "v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");

  /** Parses {@code text}; empty if it is not a valid semantic version. */
  public static Optional<SemVer> parse(String text) {
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      long major = number(m.group(1));
      long minor = number(m.group(2));
      long patch = number(m.group(3));
      return Optional.of(new SemVer(major, minor, patch, m.group(4) == null ? "" : m.group(4)));
    } catch (NumberFormatException tooLarge) {
      return Optional.empty();
    }
  }

  /**
   * A version part, at most {@link #MAX_NUMBER}.
   *
   * @throws NumberFormatException if it is larger
   */
  static long number(String digits) {
    long n = Long.parseLong(digits);
    if (n > MAX_NUMBER) {
      throw new NumberFormatException("version part larger than " + MAX_NUMBER);
    }
    return n;
  }

  /** Whether this is a prerelease such as {@code 2.0.0-beta.1}. */
  public boolean isPrerelease() {
    return !prerelease.isEmpty();
  }

  @Override
  public int compareTo(SemVer o) {
    int c = Long.compare(major, o.major);
    if (c == 0) {
      c = Long.compare(minor, o.minor);
    }
    if (c == 0) {
      c = Long.compare(patch, o.patch);
    }
    if (c != 0) {
      return c;
    }
    if (prerelease.isEmpty() || o.prerelease.isEmpty()) {
      // A release ranks above its prereleases.
      return Boolean.compare(prerelease.isEmpty(), o.prerelease.isEmpty());
    }
    String[] a = prerelease.split("\\.");
    String[] b = o.prerelease.split("\\.");
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      int d = compareIdentifier(a[i], b[i]);
      if (d != 0) {
        return d;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  private static int compareIdentifier(String x, String y) {
    boolean xNum = x.chars().allMatch(Character::isDigit);
    boolean yNum = y.chars().allMatch(Character::isDigit);
    if (xNum && yNum) {
      return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }
    if (xNum != yNum) {
      return xNum ? -1 : 1; // numeric identifiers rank below alphanumeric ones
    }
    return x.compareTo(y);
  }
}
