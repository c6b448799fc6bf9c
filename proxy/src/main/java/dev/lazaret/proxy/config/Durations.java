package dev.lazaret.proxy.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses operator-written durations: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d}, {@code 1h30m}. */
public final class Durations {

  private static final Pattern PART = Pattern.compile("(\\d{1,12})(ms|s|m|h|d)");
  private static final Pattern WHOLE = Pattern.compile("(?:\\d{1,12}(?:ms|s|m|h|d))+");
  private static final Map<String, ChronoUnit> UNITS = Map.of(
      "ms", ChronoUnit.MILLIS, "s", ChronoUnit.SECONDS, "m", ChronoUnit.MINUTES,
      "h", ChronoUnit.HOURS, "d", ChronoUnit.DAYS);
  private static final String EXPECTED = "expected a duration like 500ms, 30s, 5m, 2h or 7d";

  private Durations() {
  }

  /** Parses a duration of zero or more. */
  public static Duration parse(String text) throws ConfigException {
    String s = text.strip().toLowerCase(Locale.ROOT);
    if (!WHOLE.matcher(s).matches()) {
      // A bare number is the likeliest mistake; say which unit is missing rather than just "bad".
      throw new ConfigException(s.matches("\\d+") ? EXPECTED + " (add a unit)" : EXPECTED);
    }
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(s);
    try {
      while (m.find()) {
        total = total.plus(Duration.of(Long.parseLong(m.group(1)), UNITS.get(m.group(2))));
      }
    } catch (ArithmeticException e) { // many 12-digit parts add up past what a Duration holds
      throw new ConfigException("too long");
    }
    return total;
  }

  /**
   * A parser of durations from zero up to {@code max}: for a value that is used in arithmetic
   * (a deadline in nanoseconds overflows past 292 years) or past which it makes no sense.
   */
  public static ValueParser<Duration> atMost(Duration max) {
    return text -> {
      Duration d = parse(text);
      if (d.compareTo(max) > 0) {
        throw new ConfigException("at most " + describe(max) + " allowed");
      }
      return d;
    };
  }

  /** Like {@link #atMost} but more than zero: a timeout of zero would fail everything at once. */
  public static ValueParser<Duration> positiveAtMost(Duration max) {
    ValueParser<Duration> bounded = atMost(max);
    return text -> {
      Duration d = bounded.parse(text);
      if (d.isZero()) {
        throw new ConfigException("must be more than 0");
      }
      return d;
    };
  }

  /** {@code max} as an operator would write it: 1h, 90s, 500ms. */
  private static String describe(Duration d) {
    if (d.toMillisPart() != 0) {
      return d.toMillis() + "ms";
    }
    if (d.toSecondsPart() != 0) {
      return d.toSeconds() + "s";
    }
    return d.toMinutesPart() != 0 ? d.toMinutes() + "m" : d.toHours() + "h";
  }

  /** Parses a duration that must be more than zero (a zero timeout would fail every request). */
  public static Duration parsePositive(String text) throws ConfigException {
    Duration d = parse(text);
    if (d.isZero()) {
      throw new ConfigException("must be more than 0");
    }
    return d;
  }
}
