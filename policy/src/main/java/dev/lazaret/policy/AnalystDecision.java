package dev.lazaret.policy;

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

  /** A sentence describing the decision, for verdict reasons. */
  public String describe() {
    return (approved ? "Approved" : "Rejected") + " by analyst " + analyst + " on " + decidedAt
        + (note.isEmpty() ? "" : ": \"" + note + "\"");
  }
}
