package dev.lazaret.policy.text;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The one way Lazaret shows an instant to people (issue 13 §4): relative to now, then UTC to the
 * second, e.g. {@code in 3 h 20 min (2026-12-07 14:02:11 UTC)} or {@code 2 days ago (2026-12-04
 * 09:00:00 UTC)}. For reasons, 403 texts, the console and the CLI alike; machine-readable
 * fields keep ISO-8601.
 */
public final class Moment {

  private static final DateTimeFormatter UTC = DateTimeFormatter
      .ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private Moment() {
  }

  /**
   * {@code at} relative to {@code now} with its UTC time: "in 3 h 20 min (2026-12-07 14:02:11
   * UTC)", "2 days ago (...)", or "now (...)" within a second.
   */
  public static String relative(Instant at, Instant now) {
    Duration d = Duration.between(now, at);
    String when;
    if (d.abs().compareTo(Duration.ofSeconds(1)) < 0) {
      when = "now";
    } else if (d.isNegative()) {
      when = span(d.negated()) + " ago";
    } else {
      when = "in " + span(d);
    }
    return when + " (" + utc(at) + ")";
  }

  /** {@code at} in UTC to the second, rounded down: "2026-12-07 14:02:11 UTC". */
  public static String utc(Instant at) {
    return UTC.format(at.truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * A non-negative duration the way a person says it, rounded down: "40 s", "5 min",
   * "3 h 20 min" (below two days), "6 days" (below two years), "3 years".
   */
  public static String span(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return s / 60 + " min";
    }
    if (s < 48 * 3600) {
      long minutes = s / 60 % 60;
      return s / 3600 + " h" + (minutes == 0 ? "" : " " + minutes + " min");
    }
    long days = s / 86400;
    return days < 730 ? days + " days" : days / 365 + " years";
  }
}
