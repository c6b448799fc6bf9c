package dev.lazaret.proxy.quarantine;

import dev.lazaret.policy.AnalystDecision;
import dev.lazaret.policy.Decisions;
import dev.lazaret.policy.Evidence;
import dev.lazaret.policy.PackageFacts;
import dev.lazaret.policy.PackageVerdict;
import dev.lazaret.policy.Verdict;
import dev.lazaret.policy.VersionFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The durable record of every version the quarantine held or blocked, and what became of it.
 * Written after a verdict is made (only what changed; off the serving path, by the
 * {@link HoldRecorder}), read by analysts; survives restarts.
 */
public final class HoldLedger {

  private final QuarantineState state;
  private final List<Consumer<HoldRecord>> newHoldListeners = new CopyOnWriteArrayList<>();

  /** A ledger over the holds in {@code state}. */
  public HoldLedger(QuarantineState state) {
    this.state = state;
  }

  /**
   * Calls {@code listener} (on the recording thread, once the record is stored; keep it quick)
   * whenever a version becomes held that was not held before: for notifications.
   */
  public void onNewHold(Consumer<HoldRecord> listener) {
    newHoldListeners.add(listener);
  }

  /** Records what {@code verdict} means for every version that is, or was, held or blocked. */
  public void record(PackageFacts facts, PackageVerdict verdict, Evidence evidence,
      Decisions decisions, Instant now) {
    record(HoldRecorder.Judgement.of(facts, verdict, evidence, decisions, now), decisions);
  }

  /**
   * Records {@code judged}, made some time ago. A version whose decision in {@code current}
   * differs from the one it was judged with is skipped: the decision stored the hold's new
   * state itself, and the judgement that follows it records the rest.
   */
  void record(HoldRecorder.Judgement judged, Decisions current) {
    PackageFacts facts = judged.facts();
    Map<String, HoldRecord> existing = new HashMap<>();
    forPackage(facts.name()).forEach(r -> existing.put(r.version(), r));
    List<HoldRecord> changed = new ArrayList<>();
    for (VersionFacts v : facts.versions()) {
      Verdict verdict = judged.verdict().of(v.version());
      Optional<AnalystDecision> decision =
          judged.decisions().forVersion(facts.name(), v.version());
      if (!decision.equals(current.forVersion(facts.name(), v.version()))) {
        continue; // judged before a decision that has since been made
      }
      HoldRecord before = existing.get(v.version());
      if (verdict instanceof Verdict.Allow && before == null && decision.isEmpty()) {
        continue; // never held: nothing to record
      }
      Instant firstHeldAt = before != null ? before.firstHeldAt()
          : judged.heldSince().getOrDefault(v.version(), judged.at());
      HoldRecord after = recordOf(facts, v, verdict, judged.evidence(), decision, before,
          firstHeldAt, judged.at());
      if (!after.sameAs(before)) {
        changed.add(after);
      }
    }
    // Only what was stored: a record the state skipped (judged before a decision) is no hold.
    for (HoldRecord after : state.saveHolds(changed)) {
      HoldRecord before = existing.get(after.version());
      if (after.state() == HoldState.HELD
          && (before == null || before.state() != HoldState.HELD)) {
        newHoldListeners.forEach(l -> l.accept(after));
      }
    }
  }

  /** The record of {@code packageName@version}, if it was ever held or blocked. */
  public Optional<HoldRecord> find(String packageName, String version) {
    return state.hold(packageName, version);
  }

  /** Every record of {@code packageName}. */
  public List<HoldRecord> forPackage(String packageName) {
    return state.holdsOf(packageName);
  }

  private static HoldRecord recordOf(PackageFacts facts, VersionFacts v, Verdict judged,
      Evidence evidence, Optional<AnalystDecision> decision, HoldRecord before,
      Instant firstHeldAt, Instant now) {
    HoldState state = switch (judged) {
      case Verdict.Hold h -> HoldState.HELD;
      case Verdict.Block b -> decision.isPresent() && !decision.get().approved()
          ? HoldState.REJECTED : HoldState.BLOCKED;
      case Verdict.Allow a -> decision.isPresent() && decision.get().approved()
          ? HoldState.APPROVED : HoldState.RELEASED;
    };
    Instant until = judged instanceof Verdict.Hold h ? h.until()
        : before == null ? null : before.until();
    boolean risky = judged instanceof Verdict.Hold h ? h.flagged()
        : before != null && before.risky();
    return new HoldRecord(facts.name(), v.version(), v.publisher(), v.publishedAt(),
        facts.upstream(), state, risky, until, firstHeldAt, now,
        judged.reasons(), judged.signals().stream().map(HoldRecord.Signal::of).toList(),
        v.publisher() == null ? null
            : HoldRecord.Publisher.of(evidence.publisher(v.publisher())),
        decision.map(HoldRecord.Decision::of).orElse(null));
  }
}
