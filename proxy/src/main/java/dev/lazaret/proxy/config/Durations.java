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
    while (m.find()) {
      total = total.plus(Duration.of(Long.parseLong(m.group(1)), UNITS.get(m.group(2))));
    }
    return total;
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
