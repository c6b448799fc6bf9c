package dev.lazaret.proxy.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.Advisories;
import dev.lazaret.policy.Decisions;
import dev.lazaret.policy.Evidence;
import dev.lazaret.policy.PackageFacts;
import dev.lazaret.policy.PackageVerdict;
import dev.lazaret.policy.Quarantine;
import dev.lazaret.policy.VersionFacts;
import dev.lazaret.policy.content.ContentFacts;
import dev.lazaret.proxy.it.MutableClock;
import dev.lazaret.proxy.upstream.NamedUpstream;
import dev.lazaret.proxy.upstream.UpstreamRouter;
import dev.lazaret.storage.Storage;
import dev.lazaret.storage.StorageOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Judging supplies what inspections found, holds back versions seen as new and not inspected
 * (asking for their inspection again), reads the hold records only when some are missing, and
 * judges a package again once its inspection is stored.
 */
class InspectionEvidenceTest {

  private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
  private static final Duration RISKY_COOLDOWN = Duration.ofDays(7);

  @TempDir Path dir;
  private Storage storage;
  private CountingQuarantineState state;
  private HoldLedger holds;
  private final MutableClock clock = new MutableClock(NOW);
  private final FakeInspections inspections = new FakeInspections();
  private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

  /** Inspections in memory, noting what was asked for. */
  private static final class FakeInspections implements InspectedContents {
    final Map<String, ContentFacts> stored = new ConcurrentHashMap<>();
    final List<String> requested = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, ContentFacts> inspected(String packageName, Collection<String> versions) {
      Map<String, ContentFacts> out = new java.util.HashMap<>();
      versions.forEach(v -> {
        ContentFacts f = stored.get(packageName + "@" + v);
        if (f != null) {
          out.put(v, f);
        }
      });
      return out;
    }

    @Override
    public void request(String packageName, String version) {
      requested.add(packageName + "@" + version);
    }
  }

  @BeforeEach
  void open() {
    storage = Storage.open(StorageOptions.defaults(dir));
    state = new CountingQuarantineState(RocksQuarantineState.open(storage));
    holds = new HoldLedger(state);
  }

  @AfterEach
  void close() {
    background.shutdownNow();
    storage.close();
  }

  /** 1.0.0 two years old, 1.1.0 ten days old, 1.2.0 and 1.3.0 published today. */
  private static PackageFacts lib() {
    return PackageFacts.builder("lib").upstream("elsewhere")
        .version(version("1.0.0", Duration.ofDays(730)))
        .version(version("1.1.0", Duration.ofDays(10)))
        .version(version("1.2.0", Duration.ofHours(5)))
        .version(version("1.3.0", Duration.ofHours(1)))
        .build();
  }

  private static VersionFacts version(String version, Duration age) {
    return VersionFacts.builder(version).publishedAt(NOW.minus(age)).publisher("alice").build();
  }

  /** Records holds for the versions of {@code facts} the engine holds, as a judgement would. */
  private void recordHolds(PackageFacts facts) {
    PackageVerdict verdict = Quarantine.builder(clock).build().judge(facts);
    holds.record(facts, verdict, Evidence.none(), Decisions.none(), clock.instant());
  }

  private static ContentFacts clean(String previous) {
    return new ContentFacts(null, previous, Map.of(), Map.of(), List.of(), List.of(),
        List.of());
  }

  @Test
  void withoutInspectionsNothingAwaitsAndNothingIsRead() {
    recordHolds(lib());
    InspectionEvidence evidence = new InspectionEvidence(holds, clock, RISKY_COOLDOWN);
    long before = state.queries();

    InspectionEvidence.Found found = evidence.gather(lib());

    assertThat(found.contents()).isEmpty();
    assertThat(found.awaiting()).isEmpty();
    assertThat(state.queries()).isEqualTo(before);
  }

  @Test
  void aRecentVersionSeenAsNewAndNotInspectedAwaitsAndIsAskedFor() {
    PackageFacts lib = lib();
    // 1.2.0 and 1.3.0 (inside the base cooldown) are held; so, long ago, was 1.0.0.
    recordHolds(lib);
    recordHolds(PackageFacts.builder("lib").upstream("elsewhere")
        .version(VersionFacts.builder("1.0.0").publishedAt(NOW.minus(Duration.ofHours(1)))
            .publisher("alice").build()).build());
    inspections.stored.put("lib@1.2.0", clean("1.1.0"));
    InspectionEvidence evidence = new InspectionEvidence(holds, clock, RISKY_COOLDOWN);
    evidence.use(inspections);

    InspectionEvidence.Found found = evidence.gather(lib);

    assertThat(found.contents()).containsOnlyKeys("1.2.0");
    // 1.1.0 was never held (not seen as new); 1.0.0 is older than any hold could last.
    assertThat(found.awaiting()).containsExactly("1.3.0");
    assertThat(inspections.requested).containsExactly("lib@1.3.0");
  }

  @Test
  void whenEveryRecentVersionIsInspectedNoHoldRecordIsRead() {
    PackageFacts lib = lib();
    recordHolds(lib);
    inspections.stored.put("lib@1.2.0", clean("1.1.0"));
    inspections.stored.put("lib@1.3.0", clean("1.2.0"));
    InspectionEvidence evidence = new InspectionEvidence(holds, clock, RISKY_COOLDOWN);
    evidence.use(inspections);
    long before = state.queries();

    InspectionEvidence.Found found = evidence.gather(lib);

    // 1.1.0 is older than the risky cooldown: no content signal could hold it.
    assertThat(found.contents()).containsOnlyKeys("1.2.0", "1.3.0");
    assertThat(found.awaiting()).isEmpty();
    assertThat(state.queries()).as("no state query").isEqualTo(before);
    assertThat(inspections.requested).isEmpty();
  }

  @Test
  void theServiceJudgesAwaitingVersionsAgainSoonAndAgainAtOnceWhenInspected() {
    PackageFacts lib = lib();
    recordHolds(lib);
    QuarantineService q = service();
    List<String> changed = new CopyOnWriteArrayList<>();
    q.onChange(changed::add);
    q.useInspections(inspections);

    PackageVerdict awaiting = q.judge(lib);

    assertThat(awaiting.validUntil()).contains(NOW.plus(QuarantineService.INCOMPLETE_RETRY));
    assertThat(inspections.requested).containsExactlyInAnyOrder("lib@1.2.0", "lib@1.3.0");

    inspections.stored.put("lib@1.2.0", clean("1.1.0"));
    inspections.stored.put("lib@1.3.0", clean("1.2.0"));
    q.inspected("lib");
    PackageVerdict inspected = q.judge(lib);

    assertThat(changed).containsExactly("lib");
    // Only the base cooldowns bound it now: 1.2.0's ends first.
    assertThat(inspected.validUntil()).contains(NOW.minus(Duration.ofHours(5))
        .plus(Duration.ofHours(24)));
    q.close();
  }

  private QuarantineService service() {
    EvidenceGatherer evidence = new EvidenceGatherer(new PublisherLedger(state),
        UpstreamRouter.single(new NamedUpstream("default", new QuarantineServiceTest.NoUpstream())),
        (upstream, name, versions) -> Advisories.clean(), clock, RISKY_COOLDOWN,
        Duration.ofHours(24), Duration.ofSeconds(30), background);
    return new QuarantineService(rules -> Quarantine.builder(clock).rules(rules).build(),
        evidence, new InspectionEvidence(holds, clock, RISKY_COOLDOWN),
        new RoutedAdvisories(Map.of()), () -> { }, state, DecisionBook.load(state),
        RuleBook.load(state, List.of(), clock.instant()), holds, clock);
  }
}
