package dev.lazaret.proxy.quarantine;

import dev.lazaret.policy.Quarantine;
import dev.lazaret.policy.Rule;
import dev.lazaret.policy.Rules;
import dev.lazaret.proxy.config.QuarantineSettings;
import dev.lazaret.proxy.upstream.UpstreamRouter;
import dev.lazaret.storage.Storage;
import java.time.Clock;
import java.util.concurrent.Executor;

/** Builds the quarantine from its settings: the engine, its evidence, decisions and holds. */
public final class QuarantineSetup {

  private QuarantineSetup() {
  }

  /** The running quarantine over {@code storage}, routing lookups through {@code upstreams}. */
  public static QuarantineService create(QuarantineSettings settings, Storage storage,
      UpstreamRouter upstreams, AdvisoryCheck advisories, Clock clock, Executor background) {
    Quarantine engine = Quarantine.builder(clock)
        .settings(settings.policy())
        .rules(Rules.of(settings.rules().toArray(Rule[]::new)))
        .protectedNames(upstreams.protectedNames())
        .build();
    EvidenceGatherer evidence = new EvidenceGatherer(
        new PublisherLedger(storage.records(PublisherLedger.SPACE)), upstreams,
        settings.advisories() ? advisories : AdvisoryCheck.OFF, clock,
        settings.policy().riskyCooldown(), settings.publisherTtl(), settings.lookupTimeout(),
        background);
    return new QuarantineService(engine, evidence, DecisionBook.load(storage),
        new HoldLedger(storage.records(HoldLedger.SPACE)), clock);
  }
}
