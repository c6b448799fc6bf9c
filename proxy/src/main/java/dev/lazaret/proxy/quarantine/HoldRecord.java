package dev.lazaret.proxy.quarantine;

import dev.lazaret.policy.AnalystDecision;
import dev.lazaret.policy.PublisherEvidence;
import dev.lazaret.policy.SignalResult;
import java.time.Instant;
import java.util.List;

/**
 * The stored record of one version the quarantine held or blocked: what it is, where it stands,
 * why (every signal with its value and sentence), what was known about the publisher, and who
 * decided. This is what analysts review.
 *
 * @param packageName the package
 * @param version     the version
 * @param publisher   {@code _npmUser.name}, if known
 * @param publishedAt the version's publish time, if known
 * @param upstream    the upstream that served it
 * @param state       where it stands
 * @param risky       whether a risky combination of signals fired (flagged for analysts)
 * @param until       when the hold ends (or ended), for held and released versions
 * @param firstHeldAt when Lazaret first recorded it
 * @param updatedAt   when the record last changed
 * @param reasons     the verdict's reasons, in order
 * @param signals     every signal's finding
 * @param publisherEvidence what was known about the publisher when it was judged
 * @param decision    the analyst decision, if any
 */
public record HoldRecord(
    String packageName,
    String version,
    String publisher,
    Instant publishedAt,
    String upstream,
    HoldState state,
    boolean risky,
    Instant until,
    Instant firstHeldAt,
    Instant updatedAt,
    List<String> reasons,
    List<Signal> signals,
    Publisher publisherEvidence,
    Decision decision) {

  /** Copies the lists. */
  public HoldRecord {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    signals = signals == null ? List.of() : List.copyOf(signals);
  }

  /** The record key: package, a space (never in a name or version), version. */
  static String key(String packageName, String version) {
    return packageName + " " + version;
  }

  /** The key prefix of every record of {@code packageName}. */
  static String prefix(String packageName) {
    return packageName + " ";
  }

  /**
   * The state as of {@code now}: a hold whose time has passed is released even if no request
   * has made Lazaret judge the version again since.
   */
  public HoldState stateAt(Instant now) {
    return state == HoldState.HELD && until != null && !now.isBefore(until) ? HoldState.RELEASED
        : state;
  }

  /**
   * This record once {@code d} is in force: approved or rejected, with the decision and its
   * reason, as the next judgement will find it too (a decision overrides every signal).
   */
  HoldRecord decidedBy(AnalystDecision d) {
    return new HoldRecord(packageName, version, publisher, publishedAt, upstream,
        d.approved() ? HoldState.APPROVED : HoldState.REJECTED, risky, until, firstHeldAt,
        d.decidedAt(), List.of(d.describe() + "."), signals, publisherEvidence, Decision.of(d));
  }

  /**
   * Whether storing this record over {@code stored} would lose a decision: it carries none, or
   * an older one, than the stored record. Such a record comes from a judgement made before the
   * decision, and the decision's own re-judgement will follow it.
   */
  boolean undoesDecisionOf(HoldRecord stored) {
    if (stored == null || stored.decision == null || stored.decision.equals(decision)) {
      return false;
    }
    return decision == null || decision.at().isBefore(stored.decision.at());
  }

  /** Whether this record says the same as {@code other}, ignoring when it was written. */
  boolean sameAs(HoldRecord other) {
    return other != null && state == other.state && risky == other.risky
        && java.util.Objects.equals(until, other.until)
        && java.util.Objects.equals(decision, other.decision)
        && reasons.equals(other.reasons) && signals.equals(other.signals);
  }

  /**
   * One signal's finding, as stored.
   *
   * @param id       the signal, e.g. {@code FRESH_PUBLISHER}
   * @param fired    whether it counted against the version
   * @param value    the measured value
   * @param sentence what it found, for humans
   */
  public record Signal(String id, boolean fired, String value, String sentence) {
    static Signal of(SignalResult r) {
      return new Signal(r.id().name(), r.fired(), r.value(), r.sentence());
    }
  }

  /**
   * What was known about the publisher.
   *
   * @param firstSeenAnywhere  its earliest known activity
   * @param packagesMaintained packages it maintains, if searched
   * @param knownSince         when Lazaret first saw it
   */
  public record Publisher(Instant firstSeenAnywhere, Integer packagesMaintained,
      Instant knownSince) {
    static Publisher of(PublisherEvidence e) {
      return new Publisher(e.firstSeenAnywhere().orElse(null),
          e.packagesMaintained().isPresent() ? e.packagesMaintained().getAsInt() : null,
          e.knownSince().orElse(null));
    }
  }

  /**
   * An analyst decision, as stored with the record.
   *
   * @param approved whether it was approved
   * @param analyst  who decided
   * @param at       when
   * @param note     why
   */
  public record Decision(boolean approved, String analyst, Instant at, String note) {
    static Decision of(AnalystDecision d) {
      return new Decision(d.approved(), d.analyst(), d.decidedAt(), d.note());
    }
  }
}
