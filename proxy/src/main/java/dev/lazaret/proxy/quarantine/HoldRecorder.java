package dev.lazaret.proxy.quarantine;

import dev.lazaret.policy.Decisions;
import dev.lazaret.policy.Evidence;
import dev.lazaret.policy.PackageFacts;
import dev.lazaret.policy.PackageVerdict;
import dev.lazaret.policy.Verdict;
import dev.lazaret.policy.VersionFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Records holds off the serving path: a judgement is queued here and written by the
 * {@link HoldLedger} on a background thread, so a request never waits for the state. Of several
 * judgements of one package waiting, the latest is written, keeping the earliest time each
 * version was found held or blocked (its first-held time). Notifications of new holds fire once
 * the record is stored.
 */
final class HoldRecorder implements AutoCloseable {

  /** The most packages whose judgements may wait to be recorded. */
  static final int CAPACITY = 100_000;

  private final CoalescingWriter<Judgement> writer;

  /**
   * One judgement to record.
   *
   * @param facts     what was judged
   * @param verdict   the verdict
   * @param evidence  the evidence it was judged on
   * @param decisions the decisions it was judged with
   * @param at        when
   * @param heldSince per version judged held or blocked: when a judgement first found it so
   */
  record Judgement(PackageFacts facts, PackageVerdict verdict, Evidence evidence,
      Decisions decisions, Instant at, Map<String, Instant> heldSince) {

    /** Copies the map. */
    Judgement {
      heldSince = Map.copyOf(heldSince);
    }

    static Judgement of(PackageFacts facts, PackageVerdict verdict, Evidence evidence,
        Decisions decisions, Instant at) {
      Map<String, Instant> held = new HashMap<>();
      for (VersionFacts v : facts.versions()) {
        if (!(verdict.of(v.version()) instanceof Verdict.Allow)) {
          held.put(v.version(), at);
        }
      }
      return new Judgement(facts, verdict, evidence, decisions, at, held);
    }

    /** {@code newer}, keeping this judgement's first-held times of versions still held. */
    Judgement supersededBy(Judgement newer) {
      Map<String, Instant> held = new HashMap<>(newer.heldSince);
      held.replaceAll((version, at) -> {
        Instant earlier = heldSince.get(version);
        return earlier != null && earlier.isBefore(at) ? earlier : at;
      });
      return new Judgement(newer.facts, newer.verdict, newer.evidence, newer.decisions,
          newer.at, held);
    }
  }

  /**
   * A recorder writing through {@code holds}.
   *
   * @param current the decisions now in force by package: a version whose decision changed
   *                since it was judged is not recorded from that judgement
   */
  HoldRecorder(HoldLedger holds, Function<String, Decisions> current) {
    this(holds, current, CoalescingWriter.FIRST_BACKOFF, CoalescingWriter.MAX_BACKOFF);
  }

  /** A recorder whose failed writes are retried from {@code firstBackoff} up to the max. */
  HoldRecorder(HoldLedger holds, Function<String, Decisions> current, Duration firstBackoff,
      Duration maxBackoff) {
    this.writer = new CoalescingWriter<>("hold records", CAPACITY, Judgement::supersededBy,
        j -> holds.record(j, current.apply(j.facts().name())), firstBackoff, maxBackoff);
  }

  /** Queues the judgement of {@code facts} made at {@code at}; never waits for the state. */
  void submit(PackageFacts facts, PackageVerdict verdict, Evidence evidence, Decisions decisions,
      Instant at) {
    writer.submit(facts.name(), Judgement.of(facts, verdict, evidence, decisions, at));
  }

  /** Judgements waiting to be recorded. */
  long pending() {
    return writer.pending();
  }

  /** Judgements dropped (queue full, or a write kept failing on a bug). */
  long dropped() {
    return writer.dropped();
  }

  /** Waits until every judgement queued so far is recorded; false if some still wait. */
  boolean awaitRecorded(Duration timeout) {
    return writer.awaitWritten(timeout);
  }

  /** Waits until the judgements of {@code packageName} queued so far are recorded. */
  boolean awaitRecorded(String packageName, Duration timeout) {
    return writer.awaitWritten(packageName, timeout);
  }

  /** Records what waits, for at most {@code bound}, then stops. */
  void close(Duration bound) {
    writer.close(bound);
  }

  @Override
  public void close() {
    writer.close();
  }
}
