package dev.lazaret.policy.signal;

import dev.lazaret.policy.text.Moment;
import java.time.Duration;

/** Formats a duration the way a person says it in a message: "5 min", "2 h", "3 days". */
public final class HumanDuration {

  private HumanDuration() {
  }

  /** {@code d}, rounded down to a unit that reads naturally; negative durations read as 0. */
  public static String format(Duration d) {
    long seconds = Math.max(0, d.getSeconds());
    if (seconds < 60) {
      return "less than a minute";
    }
    if (seconds >= 3600 && seconds < 48 * 3600) {
      return seconds / 3600 + " h"; // whole hours here: signal sentences stay short
    }
    // Minutes, days and years read as everywhere else (Moment, the one form for times).
    return Moment.span(d);
  }
}
