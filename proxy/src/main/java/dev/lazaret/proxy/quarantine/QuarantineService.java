package dev.lazaret.proxy.quarantine;

import dev.lazaret.policy.Decisions;
import dev.lazaret.policy.Evidence;
import dev.lazaret.policy.PackageFacts;
import dev.lazaret.policy.PackageVerdict;
import dev.lazaret.policy.Policy;
import dev.lazaret.policy.Quarantine;
import dev.lazaret.policy.Rules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The quarantine as the proxy runs it: gathers evidence, looks up analyst decisions, asks the
 * pure engine for the verdict, and has the holds recorded in the background (judging only reads
 * the state). One call per change of a package (its document, its evidence, a decision, or a
 * hold ending), never per request. Changes other nodes make to a shared state arrive through
 * {@link #remoteDecision}, {@link #remoteRulesChanged} and {@link #resync}.
 */
public final class QuarantineService implements Policy, AutoCloseable {

  /** A verdict made without some evidence is made again after this long. */
  static final Duration INCOMPLETE_RETRY = Duration.ofSeconds(60);
  /** How long closing waits for queued hold and publisher records to be written. */
  static final Duration DRAIN_BOUND = Duration.ofSeconds(5);

  private final Function<Rules, Quarantine> engines;
  private final AtomicReference<Quarantine> engine;
  private final AtomicLong epoch = new AtomicLong();
  private final EvidenceGatherer evidence;
  private final InspectionEvidence contents;
  private final RoutedAdvisories advisories;
  private final AutoCloseable notifier;
  private final QuarantineState state;
  private final DecisionBook decisions;
  private final RuleBook rules;
  private final HoldLedger holds;
  private final HoldRecorder recorder;
  private final Clock clock;

  /**
   * Wires the service.
   *
   * @param engines builds the engine for a set of rules (with the same clock); called again
   *                whenever a rule is added or removed
   */
  public QuarantineService(Function<Rules, Quarantine> engines, EvidenceGatherer evidence,
      InspectionEvidence contents, RoutedAdvisories advisories, AutoCloseable notifier,
      QuarantineState state, DecisionBook decisions, RuleBook rules, HoldLedger holds,
      Clock clock) {
    this.state = state;
    this.advisories = advisories;
    this.notifier = notifier;
    this.engines = engines;
    this.engine = new AtomicReference<>(engines.apply(rules.rules()));
    this.evidence = evidence;
    this.contents = contents;
    this.decisions = decisions;
    this.rules = rules;
    this.holds = holds;
    this.recorder = new HoldRecorder(holds, decisions::forPackage);
    this.clock = clock;
    rules.onChange(this::rulesChanged);
  }

  /**
   * The policy epoch: it moves whenever a rule changes, which may change any verdict, so every
   * cached verdict made under an older epoch is made again.
   */
  public long epoch() {
    return epoch.get();
  }

  private void rulesChanged() {
    engine.set(engines.apply(rules.rules()));
    epoch.incrementAndGet();
  }

  /** Called with a package name whenever something changes its verdict outside a request. */
  public void onChange(Consumer<String> listener) {
    evidence.onChange(listener);
    contents.onChange(listener);
    advisories.onChange(listener);
    decisions.onChange(listener);
  }

  /**
   * Judges with what {@code inspections} found in the tarballs, and asks them to inspect the
   * versions that wait for it (wired once the inspections exist: they sit above the registry).
   */
  public void useInspections(InspectedContents inspections) {
    contents.use(inspections);
  }

  /**
   * Inspections stored content facts for {@code packageName}: has it judged again with them,
   * through the same listener as late evidence.
   */
  public void inspected(String packageName) {
    contents.stored(packageName);
  }

  /** The state behind the decisions, rules, holds and publisher evidence. */
  public QuarantineState state() {
    return state;
  }

  /** The analyst decisions. */
  public DecisionBook decisions() {
    return decisions;
  }

  /** The trust and deny rules. */
  public RuleBook rules() {
    return rules;
  }

  /** The record of holds. */
  public HoldLedger holds() {
    return holds;
  }

  /** The advisory lookups, one per upstream (their failure counts are metrics). */
  public RoutedAdvisories advisories() {
    return advisories;
  }

  /** What is known about the publishing account {@code name}, for explanations. */
  public Optional<PublisherRecord> publisher(String name) {
    return evidence.publisher(name);
  }

  @Override
  public PackageVerdict judge(PackageFacts facts) {
    GatheredEvidence gathered = evidence.gather(facts);
    InspectionEvidence.Found found = contents.gather(facts);
    Evidence all = gathered.evidence().withContents(found.contents(), found.awaiting());
    Decisions known = decisions.forPackage(facts.name());
    PackageVerdict verdict = engine.get().judge(facts, all, known);
    Instant now = clock.instant();
    // The verdict depends on nothing this writes (holds are read by analysts; judging reads
    // only whether a version was ever held, which a write here never changes back). The
    // recorder keeps the publisher evidence only: content facts would sit in its queue for
    // nothing while the state is unreachable.
    recorder.submit(facts, verdict, gathered.evidence(), known, now);
    // A version awaiting inspection is judged again soon: a finished inspection re-judges at
    // once, but one that failed (a download error) is asked for again only by a judgement.
    if (gathered.complete() && found.awaiting().isEmpty()) {
      return verdict;
    }
    Instant retry = now.plus(INCOMPLETE_RETRY);
    Optional<Instant> until = verdict.validUntil().filter(u -> u.isBefore(retry))
        .or(() -> Optional.of(retry));
    return new PackageVerdict(verdict.verdicts(), until);
  }

  /**
   * Another node stored a decision about a version of {@code packageName}: reloads that
   * package's decisions from the state and, if they changed, has it judged again. Runs on the
   * change feed's thread.
   *
   * @throws StateUnavailableException if the state cannot be read (the feed retries)
   */
  public void remoteDecision(String packageName) {
    decisions.reload(packageName);
  }

  /**
   * Another node added or removed a rule: reloads the stored rules; if they differ, the engine
   * is rebuilt and the epoch moves (every verdict is made again).
   *
   * @throws StateUnavailableException if the state cannot be read (the feed retries)
   */
  public void remoteRulesChanged() {
    rules.reload();
  }

  /**
   * Announcements may have been missed: reloads every decision (only packages whose decisions
   * differ are judged again) and the rules.
   *
   * @throws StateUnavailableException if the state cannot be read (the feed retries)
   */
  public void resync() {
    decisions.reloadAll();
    rules.reload();
  }

  /**
   * Waits until every judgement made so far has its holds recorded and every publisher
   * observation is written (tests, and an orderly stop).
   *
   * @return false if something still waits after {@code timeout} (the state is unreachable)
   */
  public boolean awaitRecorded(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    return recorder.awaitRecorded(timeout)
        && evidence.awaitWritten(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
  }

  /**
   * Waits until the judgements of {@code packageName} made so far have their holds recorded:
   * for readers that just had it judged and show its hold (explanations).
   *
   * @return false if they still wait after {@code timeout} (the state is unreachable)
   */
  public boolean awaitRecorded(String packageName, Duration timeout) {
    return recorder.awaitRecorded(packageName, timeout);
  }

  /** Hold records and publisher records waiting to be written (a gauge). */
  public long pendingWrites() {
    return recorder.pending() + evidence.pendingWrites();
  }

  /** Hold records and publisher records dropped unwritten since start (a counter). */
  public long droppedWrites() {
    return recorder.dropped() + evidence.droppedWrites();
  }

  /**
   * Writes what waits (for at most {@link #DRAIN_BOUND} each), then stops the advisory lookups
   * and the notifications (queued ones get a moment to go out).
   */
  @Override
  public void close() {
    // Holds first: storing one may queue a notification, which the notifier then sends.
    recorder.close(DRAIN_BOUND);
    evidence.close(DRAIN_BOUND);
    advisories.close();
    try {
      notifier.close();
    } catch (Exception e) {
      // Notifications are best-effort; the audit log already has every decision.
      org.slf4j.LoggerFactory.getLogger(QuarantineService.class)
          .warn("closing notifications failed: {}", e.toString());
    }
  }
}
