package dev.lazaret.proxy.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazaret.policy.PackageVerdict;
import dev.lazaret.policy.Verdict;
import dev.lazaret.proxy.inspect.InspectionService;
import dev.lazaret.proxy.npm.NpmJson;
import dev.lazaret.proxy.npm.PackageName;
import dev.lazaret.proxy.npm.PackumentIndex;
import dev.lazaret.proxy.npm.SemVer;
import dev.lazaret.proxy.npm.VersionEntry;
import dev.lazaret.proxy.quarantine.HoldRecord;
import dev.lazaret.proxy.quarantine.QuarantineService;
import dev.lazaret.proxy.registry.JudgedPackage;
import dev.lazaret.proxy.registry.Registry;
import dev.lazaret.proxy.registry.RegistryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * Explains any version from the registry's current judgement of its package, the hold ledger,
 * the decisions and the publisher ledger, with the diff against the previous allowed version.
 */
public final class Explainer {

  /** The longest an explanation waits for the hold its judgement made to be recorded. */
  private static final Duration HOLD_RECORDED_WAIT = Duration.ofSeconds(2);

  private final Registry registry;
  private final Optional<QuarantineService> quarantine;
  private final Clock clock;
  private final Optional<InspectionService> inspections;

  /** An explainer; without a quarantine there are no holds, decisions or publisher records. */
  public Explainer(Registry registry, Optional<QuarantineService> quarantine, Clock clock) {
    this(registry, quarantine, clock, Optional.empty());
  }

  /**
   * An explainer whose diffs include the tarball diff from {@code inspections} once done (asking
   * about a version not inspected yet queues it).
   */
  public Explainer(Registry registry, Optional<QuarantineService> quarantine, Clock clock,
      Optional<InspectionService> inspections) {
    this.inspections = inspections;
    this.registry = registry;
    this.quarantine = quarantine;
    this.clock = clock;
  }

  /**
   * The explanation of {@code name@version}.
   *
   * @throws ApiException 404 if the package or version does not exist upstream, 502/504 if the
   *                      upstream failed and nothing is cached
   */
  public Explanation explain(PackageName name, String version) {
    JudgedPackage judged = judged(name);
    PackumentIndex index = judged.index();
    VersionEntry entry = index.versions().get(version);
    if (entry == null) {
      throw ApiException.notFound("version '" + version + "' of '" + name
          + "' not found upstream");
    }
    Verdict verdict = judged.verdict().of(version);
    // Holds are recorded in the background: show the one this judgement made, if it lands soon.
    quarantine.ifPresent(q -> q.awaitRecorded(name.toString(), HOLD_RECORDED_WAIT));
    Optional<HoldRecord> hold = quarantine.flatMap(q -> q.holds().find(name.toString(), version));
    JsonNode versions = versions(judged.document());
    String previous = previousAllowed(index, judged.verdict(), version);
    VersionDiff diff = VersionDiff.between(previous,
        previous == null ? null : versions.path(previous), versions.path(version))
        .withFiles(inspections.flatMap(i -> i.diffOrQueue(name.toString(), version))
            .orElse(null));
    Instant now = clock.instant();
    return new Explanation(name.toString(), version, kind(verdict),
        verdict instanceof Verdict.Hold h ? h.until() : hold.map(HoldRecord::until).orElse(null),
        verdict instanceof Verdict.Hold h ? h.flagged() : hold.map(HoldRecord::risky)
            .orElse(false),
        verdict.reasons(), signals(verdict, hold), publisher(entry.publisher(), hold),
        hold.map(h -> HoldSummary.of(h, now)).orElse(null), decision(name, version, hold), diff);
  }

  private JudgedPackage judged(PackageName name) {
    try {
      return registry.judged(name).join();
    } catch (CompletionException e) {
      if (Registry.cause(e) instanceof RegistryException r) {
        throw new ApiException(r.status(), r.getMessage());
      }
      throw e;
    }
  }

  private static JsonNode versions(byte[] document) {
    try {
      return NpmJson.MAPPER.readTree(document).path("versions");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The newest version below {@code version}, by semver, that clients may have; or null. */
  static String previousAllowed(PackumentIndex index, PackageVerdict verdict, String version) {
    Optional<SemVer> target = SemVer.parse(version);
    if (target.isEmpty()) {
      return null;
    }
    String best = null;
    SemVer bestVersion = null;
    for (String v : index.versions().keySet()) {
      Optional<SemVer> s = SemVer.parse(v);
      if (s.isPresent() && s.get().compareTo(target.get()) < 0 && verdict.of(v).allowed()
          && (bestVersion == null || s.get().compareTo(bestVersion) > 0)) {
        best = v;
        bestVersion = s.get();
      }
    }
    return best;
  }

  private static String kind(Verdict verdict) {
    return switch (verdict) {
      case Verdict.Allow a -> "allow";
      case Verdict.Hold h -> "hold";
      case Verdict.Block b -> "block";
    };
  }

  /** The verdict's signals; a version judged without signals shows those it was held on. */
  private static List<HoldRecord.Signal> signals(Verdict verdict, Optional<HoldRecord> hold) {
    if (verdict.signals().isEmpty() && hold.isPresent()) {
      return hold.get().signals();
    }
    return verdict.signals().stream()
        .map(s -> new HoldRecord.Signal(s.id().name(), s.fired(), s.value(), s.sentence()))
        .toList();
  }

  /** The evidence recorded with the hold, else what the publisher ledger knows now. */
  private Explanation.Publisher publisher(String name, Optional<HoldRecord> hold) {
    if (name == null) {
      return null;
    }
    if (hold.isPresent() && hold.get().publisherEvidence() != null) {
      HoldRecord.Publisher p = hold.get().publisherEvidence();
      return new Explanation.Publisher(name, p.firstSeenAnywhere(), p.packagesMaintained(),
          p.knownSince());
    }
    return quarantine.flatMap(q -> q.publisher(name)).map(r -> r.evidence())
        .map(e -> new Explanation.Publisher(name, e.firstSeenAnywhere().orElse(null),
            e.packagesMaintained().isPresent() ? e.packagesMaintained().getAsInt() : null,
            e.knownSince().orElse(null)))
        .orElse(new Explanation.Publisher(name, null, null, null));
  }

  private HoldRecord.Decision decision(PackageName name, String version,
      Optional<HoldRecord> hold) {
    return quarantine.flatMap(q -> q.decisions().forPackage(name.toString())
            .forVersion(name.toString(), version))
        .map(d -> new HoldRecord.Decision(d.approved(), d.analyst(), d.decidedAt(), d.note()))
        .or(() -> hold.map(HoldRecord::decision))
        .orElse(null);
  }
}
