package dev.lazaret.proxy.npm;

/**
 * One comparison in a range, such as {@code >=1.2.3} or {@code <2.0.0-0}: every range is a set
 * of alternatives, each a list of these that must all hold.
 */
record RangeComparator(Operator operator, SemVer version) {

  /** How the candidate compares to {@link #version}. */
  enum Operator {
    LT("<"), LE("<="), GT(">"), GE(">="), EQ("");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }
  }

  /** Nothing is below the lowest possible prerelease: the empty range. */
  static final RangeComparator NOTHING = new RangeComparator(Operator.LT, new SemVer(0, 0, 0, "0"));

  /** Whether {@code candidate} passes this comparison (prerelease rules are the range's job). */
  boolean test(SemVer candidate) {
    int c = candidate.compareTo(version);
    return switch (operator) {
      case LT -> c < 0;
      case LE -> c <= 0;
      case GT -> c > 0;
      case GE -> c >= 0;
      case EQ -> c == 0;
    };
  }

  @Override
  public String toString() {
    return operator.symbol + version.major() + "." + version.minor() + "." + version.patch()
        + (version.isPrerelease() ? "-" + version.prerelease() : "");
  }
}
