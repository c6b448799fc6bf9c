package dev.lazaret.proxy.quarantine;

import dev.lazaret.policy.PackageVerdict;
import dev.lazaret.policy.Policy;
import dev.lazaret.policy.ProtectedNames;
import dev.lazaret.policy.Quarantine;
import dev.lazaret.policy.Rules;
import dev.lazaret.policy.Verdict;
import dev.lazaret.policy.VersionFacts;
import dev.lazaret.proxy.config.QuarantineSettings;
import dev.lazaret.proxy.config.Settings;
import dev.lazaret.proxy.upstream.AdvisoryClient;
import dev.lazaret.proxy.upstream.NamedUpstream;
import dev.lazaret.proxy.upstream.UpstreamRouter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;

/** Builds the quarantine from its settings: the engine, its evidence, decisions and holds. */
public final class QuarantineSetup {

  private QuarantineSetup() {
  }

  /**
   * The policy when the quarantine is switched off: every version is served, except that a
   * protected name is still never served from an upstream other than its own.
   */
  public static Policy protectedNamesOnly(ProtectedNames protectedNames) {
    return facts -> {
      Map<String, Verdict> verdicts = new LinkedHashMap<>();
      boolean wrong = facts.upstream() != null
          && !protectedNames.mayServe(facts.name(), facts.upstream());
      for (VersionFacts v : facts.versions()) {
        verdicts.put(v.version(), wrong
            ? protectedNames.wrongUpstream(facts.name(), facts.upstream()) : Verdict.Allow.PLAIN);
      }
      return new PackageVerdict(verdicts, Optional.empty());
    };
  }

  /**
   * The running quarantine over {@code state}, routing lookups through {@code upstreams}.
   *
   * @param notifier  told about new holds and decisions by the caller's wiring; closed with the
   *                  quarantine
   * @param userAgent what advisory lookups send as {@code User-Agent}
   */
  public static QuarantineService create(Settings settings, QuarantineState state,
      UpstreamRouter upstreams, Clock clock, Executor background, AutoCloseable notifier,
      String userAgent) {
    QuarantineSettings q = settings.quarantine();
    Function<Rules, Quarantine> engines = rules -> Quarantine.builder(clock)
        .settings(q.policy())
        .rules(rules)
        .protectedNames(upstreams.protectedNames())
        .build();
    RoutedAdvisories advisories = q.advisories()
        ? advisories(settings, upstreams, clock, userAgent) : new RoutedAdvisories(Map.of());
    EvidenceGatherer evidence = new EvidenceGatherer(new PublisherLedger(state), upstreams,
        q.advisories() ? advisories : AdvisoryCheck.OFF, clock,
        q.policy().riskyCooldown(), q.publisherTtl(), q.lookupTimeout(), background);
    HoldLedger holds = new HoldLedger(state);
    DecisionBook decisions = DecisionBook.load(state);
    InspectionEvidence contents = new InspectionEvidence(holds, clock,
        q.policy().riskyCooldown());
    return new QuarantineService(engines, evidence, contents, advisories, notifier, state,
        decisions, RuleBook.load(state, q.rules(), clock.instant()), holds, clock);
  }

  /** An advisory lookup per upstream, each asking that upstream's bulk endpoint. */
  private static RoutedAdvisories advisories(Settings settings, UpstreamRouter upstreams,
      Clock clock, String userAgent) {
    Map<String, AdvisoryLookup> lookups = new LinkedHashMap<>();
    for (NamedUpstream u : upstreams.all()) {
      // The client may take the full response timeout: a late answer still lands and
      // re-judges the package; only the judgement's wait is bounded by the lookup timeout.
      AdvisoryClient client = new AdvisoryClient(u.client().base(), settings.connectTimeout(),
          settings.responseTimeout(), userAgent);
      lookups.put(u.name(), new AdvisoryLookup(u.name(), client,
          settings.quarantine().advisoryTtl(), AdvisoryLookup.DEFAULT_FAILURE_TTL,
          settings.quarantine().lookupTimeout(), clock));
    }
    return new RoutedAdvisories(lookups);
  }
}
