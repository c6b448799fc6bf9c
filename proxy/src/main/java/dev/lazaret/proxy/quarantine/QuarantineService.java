package dev.lazaret.proxy.quarantine;

import dev.lazaret.policy.Decisions;
import dev.lazaret.policy.PackageFacts;
import dev.lazaret.policy.PackageVerdict;
import dev.lazaret.policy.Policy;
import dev.lazaret.policy.Quarantine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The quarantine as the proxy runs it: gathers evidence, looks up analyst decisions, asks the
 * pure engine for the verdict, and records holds. One call per change of a package (its
 * document, its evidence, a decision, or a hold ending), never per request.
 */
public final class QuarantineService implements Policy {

  /** A verdict made without some evidence is made again after this long. */
  static final Duration INCOMPLETE_RETRY = Duration.ofSeconds(60);

  private final Quarantine engine;
  private final EvidenceGatherer evidence;
  private final DecisionBook decisions;
  private final HoldLedger holds;
  private final Clock clock;

  /** Wires the service; {@code engine} must use the same clock. */
  public QuarantineService(Quarantine engine, EvidenceGatherer evidence, DecisionBook decisions,
      HoldLedger holds, Clock clock) {
    this.engine = engine;
    this.evidence = evidence;
    this.decisions = decisions;
    this.holds = holds;
    this.clock = clock;
  }

  /** Called with a package name whenever something changes its verdict outside a request. */
  public void onChange(Consumer<String> listener) {
    evidence.onChange(listener);
    decisions.onChange(listener);
  }

  /** The analyst decisions. */
  public DecisionBook decisions() {
    return decisions;
  }

  /** The record of holds. */
  public HoldLedger holds() {
    return holds;
  }

  @Override
  public PackageVerdict judge(PackageFacts facts) {
    GatheredEvidence gathered = evidence.gather(facts);
    Decisions known = decisions.forPackage(facts.name());
    PackageVerdict verdict = engine.judge(facts, gathered.evidence(), known);
    Instant now = clock.instant();
    holds.record(facts, verdict, gathered.evidence(), known, now);
    if (gathered.complete()) {
      return verdict;
    }
    Instant retry = now.plus(INCOMPLETE_RETRY);
    Optional<Instant> until = verdict.validUntil().filter(u -> u.isBefore(retry))
        .or(() -> Optional.of(retry));
    return new PackageVerdict(verdict.verdicts(), until);
  }
}
