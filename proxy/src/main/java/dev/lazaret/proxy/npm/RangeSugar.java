package dev.lazaret.proxy.npm;

import dev.lazaret.proxy.npm.RangeComparator.Operator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Turns the shorthand of npm ranges (caret, tilde, x-ranges, hyphen ranges) into plain
 * comparators, following node-semver's rules so that a range means here what it means to npm.
 * An empty list means "any version".
 *
 * <p>Upper bounds end in {@code -0}, the lowest prerelease, so that {@code ^1.2.3} does not
 * admit {@code 2.0.0-beta}. With {@code includePrerelease}, lower bounds that came from a
 * wildcard or shorthand also get {@code -0}, so that {@code 1.x} admits {@code 1.0.0-rc.1}.
 */
final class RangeSugar {

  private RangeSugar() {
  }

  /** The comparators for one token, e.g. {@code ^1.2}, {@code <=1.x}, {@code 1.2.3}. */
  static List<RangeComparator> expand(String operator, PartialVersion v,
      boolean includePrerelease) {
    return switch (operator) {
      case "^" -> caret(v, includePrerelease);
      case "~", "~>" -> tilde(v);
      default -> xRange(operator, v, includePrerelease);
    };
  }

  /** {@code from - to}: at least {@code from}, at most {@code to} (wildcards widen both ends). */
  static List<RangeComparator> hyphen(PartialVersion from, PartialVersion to,
      boolean includePrerelease) {
    String z = includePrerelease ? "0" : "";
    RangeComparator low;
    if (from.major() == null) {
      low = null;
    } else if (from.minor() == null) {
      low = ge(from.major(), 0, 0, z);
    } else if (from.patch() == null) {
      low = ge(from.major(), from.minor(), 0, z);
    } else if (!from.prerelease().isEmpty()) {
      low = new RangeComparator(Operator.GE, from.full());
    } else {
      low = ge(from.major(), from.minor(), from.patch(), z);
    }
    RangeComparator high;
    if (to.major() == null) {
      high = null;
    } else if (to.minor() == null) {
      high = below(to.major() + 1, 0, 0);
    } else if (to.patch() == null) {
      high = below(to.major(), to.minor() + 1, 0);
    } else if (!to.prerelease().isEmpty() || !includePrerelease) {
      high = new RangeComparator(Operator.LE, to.full());
    } else {
      high = below(to.major(), to.minor(), to.patch() + 1);
    }
    return Stream.of(low, high).filter(Objects::nonNull).toList();
  }

  /** {@code ^}: changes that do not modify the left-most non-zero part. */
  private static List<RangeComparator> caret(PartialVersion v, boolean includePrerelease) {
    String z = includePrerelease ? "0" : "";
    Long major = v.major();
    Long minor = v.minor();
    Long patch = v.patch();
    if (major == null) {
      return List.of();
    }
    if (minor == null) {
      return List.of(ge(major, 0, 0, z), below(major + 1, 0, 0));
    }
    RangeComparator high = major != 0 ? below(major + 1, 0, 0)
        : minor == 0 && patch != null ? below(0, 0, patch + 1)
        : below(0, minor + 1, 0);
    RangeComparator low;
    if (patch == null) {
      low = ge(major, minor, 0, z);
    } else if (!v.prerelease().isEmpty()) {
      low = new RangeComparator(Operator.GE, v.full());
    } else {
      // node-semver leaves an explicit 1.2.3 as is, but lets ^0.x.y start at its prereleases.
      low = ge(major, minor, patch, major == 0 ? z : "");
    }
    return List.of(low, high);
  }

  /** {@code ~}: patch-level changes if a minor is given, minor-level changes if not. */
  private static List<RangeComparator> tilde(PartialVersion v) {
    if (v.major() == null) {
      return List.of();
    }
    if (v.minor() == null) {
      return List.of(ge(v.major(), 0, 0, ""), below(v.major() + 1, 0, 0));
    }
    RangeComparator high = below(v.major(), v.minor() + 1, 0);
    RangeComparator low = v.patch() == null ? ge(v.major(), v.minor(), 0, "")
        : new RangeComparator(Operator.GE, v.full());
    return List.of(low, high);
  }

  /** A plain comparison; wildcards widen it ({@code <=1.2.x} is {@code <1.3.0-0}). */
  private static List<RangeComparator> xRange(String operator, PartialVersion v,
      boolean includePrerelease) {
    if (!v.hasWildcard()) {
      return List.of(new RangeComparator(operator(operator), v.full()));
    }
    String pre = includePrerelease ? "0" : "";
    String op = operator.equals("=") ? "" : operator;
    if (v.major() == null) {
      // ">*" and "<*" admit nothing; any other comparison with "*" admits everything.
      return op.equals(">") || op.equals("<") ? List.of(RangeComparator.NOTHING) : List.of();
    }
    long major = v.major();
    if (op.isEmpty()) {
      return v.minor() == null
          ? List.of(ge(major, 0, 0, pre), below(major + 1, 0, 0))
          : List.of(ge(major, v.minor(), 0, pre), below(major, v.minor() + 1, 0));
    }
    long minor = v.minor() == null ? 0 : v.minor();
    if (op.equals(">") || op.equals("<=")) {
      // >1.2 is >=1.3.0, and <=1.2 is <1.3.0-0: step past the whole wildcard block.
      op = op.equals(">") ? ">=" : "<";
      if (v.minor() == null) {
        major++;
        minor = 0;
      } else {
        minor++;
      }
    }
    if (op.equals("<")) {
      pre = "0";
    }
    return List.of(new RangeComparator(operator(op), new SemVer(major, minor, 0, pre)));
  }

  private static Operator operator(String symbol) {
    return switch (symbol) {
      case "<" -> Operator.LT;
      case "<=" -> Operator.LE;
      case ">" -> Operator.GT;
      case ">=" -> Operator.GE;
      default -> Operator.EQ;
    };
  }

  private static RangeComparator ge(long major, long minor, long patch, String prerelease) {
    return new RangeComparator(Operator.GE, new SemVer(major, minor, patch, prerelease));
  }

  /** Below the lowest prerelease of the given version. */
  private static RangeComparator below(long major, long minor, long patch) {
    return new RangeComparator(Operator.LT, new SemVer(major, minor, patch, "0"));
  }
}
