package dev.lazaret.proxy.notify;

import dev.lazaret.policy.AnalystDecision;
import dev.lazaret.proxy.quarantine.HoldRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one-line {@code text} of a notification, in Slack's message syntax (emoji short codes;
 * {@code &}, {@code <} and {@code >} escaped so a reason cannot forge a link or mention). Other
 * chat tools that read {@code text} show it just as well.
 */
final class SlackText {

  /** The prefix of the verdict reason that names the risky combination. */
  private static final String RISKY_PREFIX = "Risky: ";

  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private SlackText() {
  }

  /**
   * {@code :lock: left-pad@1.3.0 held until 2026-12-04 07:58 UTC (risky: a fresh account
   * shipping install scripts) by publisher x}.
   */
  static String held(HoldRecord hold) {
    StringBuilder text = new StringBuilder(hold.risky() ? ":lock: " : ":hourglass: ")
        .append(escape(hold.packageName() + "@" + hold.version())).append(" held");
    if (hold.until() != null) {
      text.append(" until ").append(time(hold.until()));
    }
    text.append(" (").append(hold.risky() ? "risky: " + escape(riskyCombination(hold))
        : "cooldown for new releases").append(')');
    if (hold.publisher() != null) {
      text.append(" by publisher ").append(escape(hold.publisher()));
    }
    return text.toString();
  }

  /** {@code :white_check_mark: left-pad@1.3.0 approved by alice: "checked the diff"}. */
  static String decided(AnalystDecision decision) {
    String text = (decision.approved() ? ":white_check_mark: " : ":no_entry: ")
        + escape(decision.packageName() + "@" + decision.version())
        + (decision.approved() ? " approved" : " rejected") + " by " + escape(decision.analyst());
    return decision.note().isBlank() ? text : text + ": \"" + escape(decision.note()) + "\"";
  }

  /** The risky combination as the verdict named it, or a plain word if it did not. */
  private static String riskyCombination(HoldRecord hold) {
    return hold.reasons().stream().filter(r -> r.startsWith(RISKY_PREFIX)).findFirst()
        .map(r -> r.substring(RISKY_PREFIX.length()).replaceFirst("\\.$", ""))
        .orElse("flagged for review");
  }

  private static String time(Instant at) {
    return MINUTES.format(at);
  }

  /** Slack's three control characters; everything else is shown as written. */
  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
