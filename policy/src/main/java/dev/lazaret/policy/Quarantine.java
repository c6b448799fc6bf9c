package dev.lazaret.policy;

import dev.lazaret.policy.signal.KnownMalware;
import dev.lazaret.policy.signal.PackageHistory;
import dev.lazaret.policy.signal.Signal;
import dev.lazaret.policy.signal.Signals;
import dev.lazaret.policy.signal.VersionContext;
import dev.lazaret.policy.text.Moment;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The quarantine engine: evaluates every signal for every version, then decides in this order,
 * first match wins:
 * <ol>
 *   <li>protected name served by the wrong upstream: block (nothing overrides this);</li>
 *   <li>analyst decision: approve allows, reject blocks;</li>
 *   <li>deny rule: block;</li>
 *   <li>blocking signal (known malware): block;</li>
 *   <li>risky combination of signals: hold for the risky cooldown, flagged for analysts;</li>
 *   <li>trust rule: allow (skips the base cooldown only);</li>
 *   <li>base cooldown: hold until published + base cooldown;</li>
 *   <li>awaiting inspection: a version that would now be allowed (its cooldown over, or no
 *       publish time) but whose tarball has not been inspected yet is held, not flagged, with no
 *       end time (see {@link Verdict.Hold#awaitingInspection}), unless a trust rule skips the
 *       wait; afterwards allow.</li>
 * </ol>
 * Pure: the same facts, evidence, decisions and clock instant give the same verdict. Risk
 * signals are judged as of each version's publish time, so a verdict changes only when a hold
 * ends or a rule expires, which is what {@link PackageVerdict#validUntil()} reports.
 */
public final class Quarantine implements Policy {

  private final Clock clock;
  private final PolicySettings settings;
  private final RiskRules riskRules;
  private final Rules rules;
  private final ProtectedNames protectedNames;
  private final List<Signal> signals;

  private Quarantine(Builder b) {
    this.clock = b.clock;
    this.settings = b.settings;
    this.riskRules = b.riskRules;
    this.rules = b.rules;
    this.protectedNames = b.protectedNames;
    this.signals = b.signals;
  }

  /** A builder with every default: standard signals, default settings and risk rules. */
  public static Builder builder(Clock clock) {
    return new Builder(clock);
  }

  /** Judges with no publisher evidence, no advisory lookup and no analyst decisions. */
  @Override
  public PackageVerdict judge(PackageFacts facts) {
    return judge(facts, Evidence.none(), Decisions.none());
  }

  /** Judges every version of one package from its facts, the evidence and analyst decisions. */
  public PackageVerdict judge(PackageFacts facts, Evidence evidence, Decisions decisions) {
    Instant now = clock.instant();
    Map<String, Verdict> verdicts = new LinkedHashMap<>();
    if (facts.upstream() != null && !protectedNames.mayServe(facts.name(), facts.upstream())) {
      Verdict.Block block = protectedNames.wrongUpstream(facts.name(), facts.upstream());
      facts.versions().forEach(v -> verdicts.put(v.version(), block));
      return new PackageVerdict(verdicts, Optional.empty());
    }
    PackageHistory history = PackageHistory.of(facts);
    Map<Signal, SignalResult> packageWide = new HashMap<>();
    Instant validUntil = null;
    for (VersionFacts v : facts.versions()) {
      VersionContext context = new VersionContext(v, history,
          evidence.publisher(v.publisher()), evidence.advisories(), settings, now,
          evidence.content(v.version()).orElse(null),
          evidence.awaitingInspection().contains(v.version()));
      List<SignalResult> results = new ArrayList<>(signals.size());
      for (Signal s : signals) {
        results.add(s.perPackage() ? packageWide.computeIfAbsent(s, k -> k.evaluate(context))
            : s.evaluate(context));
      }
      Judgement j = judgeVersion(facts.name(), v, results, decisions, now,
          context.awaitingInspection());
      verdicts.put(v.version(), j.verdict);
      if (j.changesAt != null && (validUntil == null || j.changesAt.isBefore(validUntil))) {
        validUntil = j.changesAt;
      }
    }
    return new PackageVerdict(verdicts, Optional.ofNullable(validUntil));
  }

  /** A verdict and the instant it may change (a hold end or rule expiry), if any. */
  private record Judgement(Verdict verdict, Instant changesAt) {
  }

  private Judgement judgeVersion(String name, VersionFacts v, List<SignalResult> results,
      Decisions decisions, Instant now, boolean awaitingInspection) {
    Set<SignalId> fired = EnumSet.noneOf(SignalId.class);
    results.stream().filter(SignalResult::fired).forEach(r -> fired.add(r.id()));
    List<String> notes = results.stream()
        .filter(r -> r.id() == SignalId.KNOWN_MALWARE && KnownMalware.SKIPPED.equals(r.value()))
        .map(SignalResult::sentence).toList();

    Optional<AnalystDecision> decision = decisions.forVersion(name, v.version());
    if (decision.isPresent()) {
      List<String> reasons = with(List.of(decision.get().describe(now) + "."), notes);
      return new Judgement(decision.get().approved() ? new Verdict.Allow(reasons, results)
          : new Verdict.Block(reasons, results), null);
    }
    Optional<Rule> deny = rules.find(Rule.Effect.DENY, name, v.version(), v.publisher(), now);
    if (deny.isPresent()) {
      return new Judgement(new Verdict.Block(with(List.of(deny.get().describe(now) + "."), notes),
          results), deny.get().expiresAt().orElse(null));
    }
    if (riskRules.blocks(fired)) {
      List<String> reasons = results.stream()
          .filter(r -> r.fired() && riskRules.blocking().contains(r.id()))
          .map(SignalResult::sentence).toList();
      return new Judgement(new Verdict.Block(with(reasons, notes), results), null);
    }
    Optional<Rule> trust = rules.find(Rule.Effect.TRUST, name, v.version(), v.publisher(), now);
    if (v.publishedAt() == null) {
      return unlessAwaiting(new Judgement(new Verdict.Allow(with(List.of("The packument gives no"
          + " publish time, so no cooldown can be measured."), notes), results), null),
          awaitingInspection, trust, now, notes, results);
    }
    Optional<RiskRule> risky = riskRules.firstRisky(fired);
    if (risky.isPresent()) {
      Instant until = v.publishedAt().plus(settings.riskyCooldown());
      List<String> reasons = new ArrayList<>();
      reasons.add("Risky: " + risky.get().description() + ".");
      results.stream().filter(r -> r.fired() && r.id() != SignalId.RELEASE_AGE)
          .forEach(r -> reasons.add(r.sentence()));
      if (now.isBefore(until)) {
        reasons.add("Held for the risky cooldown; an analyst can approve it earlier.");
        return new Judgement(new Verdict.Hold(until, with(reasons, notes), results, true), until);
      }
      reasons.add("The risky cooldown ended " + Moment.relative(until, now) + ".");
      return unlessAwaiting(new Judgement(new Verdict.Allow(with(reasons, notes), results), null),
          awaitingInspection, trust, now, notes, results);
    }
    Instant until = v.publishedAt().plus(settings.baseCooldown());
    if (trust.isPresent() && now.isBefore(until)) {
      // Once the rule expires the version falls back into its base hold, if that is still on.
      Instant expiry = trust.get().expiresAt().filter(e -> e.isBefore(until)).orElse(null);
      return new Judgement(new Verdict.Allow(with(List.of(trust.get().describe(now)
          + "; the base cooldown is skipped."), notes), results), expiry);
    }
    if (now.isBefore(until)) {
      List<String> reasons = new ArrayList<>();
      results.stream().filter(r -> r.id() == SignalId.RELEASE_AGE)
          .forEach(r -> reasons.add(r.sentence()));
      reasons.add("An analyst can approve it earlier.");
      return new Judgement(new Verdict.Hold(until, with(reasons, notes), results, false), until);
    }
    return unlessAwaiting(new Judgement(new Verdict.Allow(notes, results), null),
        awaitingInspection, trust, now, notes, results);
  }

  /**
   * {@code allow}, unless the version's tarball must be inspected first: then it is held with no
   * end time (the proxy judges again when the inspection lands, so no instant bounds the
   * verdict). A trust rule skips that wait as it skips the base cooldown, until it expires.
   */
  private static Judgement unlessAwaiting(Judgement allow, boolean awaitingInspection,
      Optional<Rule> trust, Instant now, List<String> notes, List<SignalResult> results) {
    if (!awaitingInspection) {
      return allow;
    }
    if (trust.isPresent()) {
      return new Judgement(new Verdict.Allow(with(List.of(trust.get().describe(now)
          + "; the wait for its inspection is skipped."), notes), results),
          trust.get().expiresAt().orElse(null));
    }
    return new Judgement(Verdict.Hold.awaitingInspection(now, notes, results), null);
  }

  private static List<String> with(List<String> reasons, List<String> notes) {
    if (notes.isEmpty()) {
      return reasons;
    }
    List<String> all = new ArrayList<>(reasons);
    all.addAll(notes);
    return all;
  }

  /** Builds a {@link Quarantine}; every setter validates at once. */
  public static final class Builder {
    private final Clock clock;
    private PolicySettings settings = PolicySettings.defaults();
    private RiskRules riskRules = RiskRules.defaults();
    private Rules rules = Rules.none();
    private ProtectedNames protectedNames = ProtectedNames.none();
    private List<Signal> signals;

    private Builder(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The tunables (default {@link PolicySettings#defaults()}). */
    public Builder settings(PolicySettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** Which signal combinations are risky or blocking (default {@link RiskRules#defaults()}). */
    public Builder riskRules(RiskRules riskRules) {
      this.riskRules = Objects.requireNonNull(riskRules, "riskRules");
      return this;
    }

    /** Standing trust and deny rules (default none). */
    public Builder rules(Rules rules) {
      this.rules = Objects.requireNonNull(rules, "rules");
      return this;
    }

    /** Protected names and their upstreams (default none). */
    public Builder protectedNames(ProtectedNames protectedNames) {
      this.protectedNames = Objects.requireNonNull(protectedNames, "protectedNames");
      return this;
    }

    /** The signals to evaluate (default {@link Signals#standard()}). */
    public Builder signals(List<Signal> signals) {
      if (signals.isEmpty()) {
        throw new IllegalArgumentException("a quarantine needs at least one signal");
      }
      this.signals = List.copyOf(signals);
      return this;
    }

    /** The engine. */
    public Quarantine build() {
      if (signals == null) {
        signals = Signals.standard();
      }
      return new Quarantine(this);
    }
  }
}
