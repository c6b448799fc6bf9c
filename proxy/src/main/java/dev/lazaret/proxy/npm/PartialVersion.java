package dev.lazaret.proxy.npm;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version as written inside a range, where trailing parts may be missing or wildcards
 * ({@code 1}, {@code 1.x}, {@code 1.2.*}, {@code v1.2.3-beta.1+build}).
 *
 * @param major      the major number, or null for a wildcard
 * @param minor      the minor number, or null for a wildcard or a missing part
 * @param patch      the patch number, or null for a wildcard or a missing part
 * @param prerelease the prerelease identifiers, or empty; only kept when all three numbers are
 */
record PartialVersion(Long major, Long minor, Long patch, String prerelease) {

  private static final String PART = "(0|[1-9]\\d*|[xX*])";
  private static final Pattern FORMAT = Pattern.compile("v?" + PART
      + "(?:\\." + PART + "(?:\\." + PART
      + "(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?"
      + ")?)?");

  /** Parses {@code text}; empty if it is not a (partial) version. */
  static Optional<PartialVersion> parse(String text) {
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      Long major = number(m.group(1));
      Long minor = major == null ? null : number(m.group(2));
      Long patch = minor == null ? null : number(m.group(3));
      String prerelease = patch == null || m.group(4) == null ? "" : m.group(4);
      return Optional.of(new PartialVersion(major, minor, patch, prerelease));
    } catch (NumberFormatException tooLong) {
      return Optional.empty();
    }
  }

  private static Long number(String part) {
    return part == null || part.equalsIgnoreCase("x") || part.equals("*")
        ? null : SemVer.number(part);
  }

  /** Whether any part is a wildcard or missing, as in {@code 1.2} or {@code 1.x}. */
  boolean hasWildcard() {
    return patch == null;
  }

  /** This version, which must have no wildcard, as a full version. */
  SemVer full() {
    return new SemVer(major, minor, patch, prerelease);
  }
}
