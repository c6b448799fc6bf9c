package dev.lazaret.proxy.quarantine;

import dev.lazaret.policy.PackageVerdict;
import dev.lazaret.policy.Policy;
import dev.lazaret.policy.ProtectedNames;
import dev.lazaret.policy.Quarantine;
import dev.lazaret.policy.Rules;
import dev.lazaret.policy.Verdict;
import dev.lazaret.policy.VersionFacts;
import dev.lazaret.proxy.config.QuarantineSettings;
import dev.lazaret.proxy.upstream.UpstreamRouter;
import dev.lazaret.storage.Storage;
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

  /** The running quarantine over {@code storage}, routing lookups through {@code upstreams}. */
  public static QuarantineService create(QuarantineSettings settings, Storage storage,
      UpstreamRouter upstreams, AdvisoryCheck advisories, Clock clock, Executor background) {
    Function<Rules, Quarantine> engines = rules -> Quarantine.builder(clock)
        .settings(settings.policy())
        .rules(rules)
        .protectedNames(upstreams.protectedNames())
        .build();
    EvidenceGatherer evidence = new EvidenceGatherer(
        new PublisherLedger(storage.records(PublisherLedger.SPACE)), upstreams,
        settings.advisories() ? advisories : AdvisoryCheck.OFF, clock,
        settings.policy().riskyCooldown(), settings.publisherTtl(), settings.lookupTimeout(),
        background);
    return new QuarantineService(engines, evidence, DecisionBook.load(storage),
        RuleBook.load(storage, settings.rules(), clock.instant()),
        new HoldLedger(storage.records(HoldLedger.SPACE)), clock);
  }
}
