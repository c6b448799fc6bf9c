package dev.lazaret.proxy.npm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An npm version range such as {@code >=1.0.0 <1.4.2 || ^2.0.0}, matched the way node-semver
 * matches it (strict parsing): alternatives joined by {@code ||}, each a list of comparators that
 * must all hold; caret, tilde, x-ranges and hyphen ranges as shorthand.
 *
 * <p>Prereleases: by default a prerelease version is only in a range if some comparator of the
 * matching alternative names a prerelease of the same {@code major.minor.patch}, so
 * {@code >=1.0.0} does not admit {@code 2.0.0-beta} (node-semver's default). Ranges parsed with
 * {@link #parseIncludingPrereleases} admit prereleases like any other version, as npm does when
 * it matches advisory ranges ({@code includePrerelease}).
 */
public final class SemVerRange {

  private static final Pattern ALTERNATIVES = Pattern.compile("\\s*\\|\\|\\s*");
  private static final Pattern HYPHEN = Pattern.compile("^(\\S+)\\s+-\\s+(\\S+)$");
  /** Operators may be separated from their version by spaces: {@code >= 1.2}, {@code ~ 1}. */
  private static final Pattern OPERATOR_SPACE = Pattern.compile("(~>?|\\^|[<>]=?|=)\\s+");
  // DOTALL: the rest is anything, line terminators such as U+2028 (which \s does not split on)
  // included; without it such a token did not match and m.group threw IllegalStateException.
  private static final Pattern TOKEN = Pattern.compile("(~>?|\\^|[<>]=?|=)?(.*)", Pattern.DOTALL);

  private final String text;
  private final boolean includePrerelease;
  private final List<List<RangeComparator>> alternatives;

  private SemVerRange(String text, boolean includePrerelease,
      List<List<RangeComparator>> alternatives) {
    this.text = text;
    this.includePrerelease = includePrerelease;
    this.alternatives = alternatives;
  }

  /** Parses {@code range} with node-semver's default prerelease rule. */
  public static SemVerRange parse(String range) {
    return parse(range, false);
  }

  /** Parses {@code range} so that prereleases match like releases ({@code includePrerelease}). */
  public static SemVerRange parseIncludingPrereleases(String range) {
    return parse(range, true);
  }

  /** Parses {@code range}; empty instead of an exception if it is not a valid range. */
  public static Optional<SemVerRange> tryParse(String range, boolean includePrerelease) {
    try {
      return Optional.of(parse(range, includePrerelease));
    } catch (IllegalArgumentException invalid) {
      return Optional.empty();
    }
  }

  /**
   * Parses {@code range}.
   *
   * @throws IllegalArgumentException if it is not a valid range
   */
  public static SemVerRange parse(String range, boolean includePrerelease) {
    List<List<RangeComparator>> alternatives = new ArrayList<>();
    for (String alternative : ALTERNATIVES.split(range.trim(), -1)) {
      alternatives.add(comparators(alternative.trim(), includePrerelease, range));
    }
    // As in node-semver: if one alternative is a bare "any", the whole range is just that one.
    // (This matters for prereleases: "* || 1.0.0-rc.1" does not admit 1.0.0-rc.1.)
    if (alternatives.size() > 1 && alternatives.stream().anyMatch(List::isEmpty)) {
      alternatives = List.of(List.of());
    }
    return new SemVerRange(range, includePrerelease, List.copyOf(alternatives));
  }

  private static List<RangeComparator> comparators(String alternative, boolean includePrerelease,
      String range) {
    Matcher hyphen = HYPHEN.matcher(alternative);
    if (hyphen.matches()) {
      return RangeSugar.hyphen(partial(hyphen.group(1), range), partial(hyphen.group(2), range),
          includePrerelease);
    }
    List<RangeComparator> all = new ArrayList<>();
    String spaced = OPERATOR_SPACE.matcher(alternative).replaceAll("$1");
    for (String token : spaced.isEmpty() ? new String[0] : spaced.split("\\s+")) {
      Matcher m = TOKEN.matcher(token);
      m.matches(); // always matches: the operator is optional and the rest is anything
      String operator = m.group(1) == null ? "" : m.group(1);
      all.addAll(RangeSugar.expand(operator, partial(m.group(2), range), includePrerelease));
    }
    // ">=0.0.0" (">=0.0.0-0" with prereleases) is "any", as node-semver rewrites it; this only
    // shows in the rule below that a bare "any" alternative absorbs the others.
    SemVer lowest = new SemVer(0, 0, 0, includePrerelease ? "0" : "");
    all.removeIf(c -> c.equals(new RangeComparator(RangeComparator.Operator.GE, lowest)));
    return List.copyOf(all);
  }

  private static PartialVersion partial(String text, String range) {
    return PartialVersion.parse(text).orElseThrow(() -> new IllegalArgumentException(
        "invalid version range '" + range + "': '" + text + "' is not a version"));
  }

  /** Whether {@code version} is in this range; false if it is not a valid version. */
  public boolean includes(String version) {
    return SemVer.parse(version).map(this::includes).orElse(false);
  }

  /** Whether {@code version} is in this range. */
  public boolean includes(SemVer version) {
    return alternatives.stream().anyMatch(set -> includedBy(set, version));
  }

  private boolean includedBy(List<RangeComparator> set, SemVer version) {
    if (!set.stream().allMatch(c -> c.test(version))) {
      return false;
    }
    if (!version.isPrerelease() || includePrerelease) {
      return true;
    }
    // 1.2.4-alpha is inside >=1.2.3-beta <2.0.0 by order, but only prereleases of the version
    // the range names (1.2.3-*) are meant: someone who opted into one prerelease line did not
    // opt into all of them.
    return set.stream().map(RangeComparator::version).anyMatch(bound -> bound.isPrerelease()
        && bound.major() == version.major() && bound.minor() == version.minor()
        && bound.patch() == version.patch());
  }

  /** The range as written. */
  @Override
  public String toString() {
    return text;
  }
}
