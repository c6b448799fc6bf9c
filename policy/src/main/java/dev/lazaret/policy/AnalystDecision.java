package dev.lazaret.policy;

import dev.lazaret.policy.text.Moment;
import java.time.Instant;
import java.util.Objects;

/**
 * An analyst's approval or rejection of one version. Decisions override every signal and rule
 * except a protected-name block.
 *
 * @param packageName the package
 * @param version     the version
 * @param approved    {@code true} to serve it now, {@code false} to never serve it
 * @param analyst     who decided
 * @param decidedAt   when
 * @param note        why, in the analyst's words (may be empty)
 */
public record AnalystDecision(String packageName, String version, boolean approved,
    String analyst, Instant decidedAt, String note) {

  /** Validates the decision. */
  public AnalystDecision {
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(analyst, "analyst");
    Objects.requireNonNull(decidedAt, "decidedAt");
    Objects.requireNonNull(note, "note");
  }

  /** An approval. */
  public static AnalystDecision approve(String packageName, String version, String analyst,
      Instant decidedAt, String note) {
    return new AnalystDecision(packageName, version, true, analyst, decidedAt, note);
  }

  /** A rejection. */
  public static AnalystDecision reject(String packageName, String version, String analyst,
      Instant decidedAt, String note) {
    return new AnalystDecision(packageName, version, false, analyst, decidedAt, note);
  }

  /**
   * A sentence describing the decision, for records: "Rejected by analyst sam on 2026-12-01
   * 10:00:00 UTC: "steals tokens"".
   */
  public String describe() {
    return describe("on " + Moment.utc(decidedAt));
  }

  /**
   * The same for verdict reasons, with the time relative to {@code now}: "Rejected by analyst
   * sam 2 h ago (2026-12-01 08:00:00 UTC): "steals tokens"".
   */
  public String describe(Instant now) {
    return describe(Moment.relative(decidedAt, now));
  }

  private String describe(String when) {
    return (approved ? "Approved" : "Rejected") + " by analyst " + analyst + " " + when
        + (note.isEmpty() ? "" : ": \"" + note + "\"");
  }
}
