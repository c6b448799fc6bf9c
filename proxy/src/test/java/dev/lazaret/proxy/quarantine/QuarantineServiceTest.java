package dev.lazaret.proxy.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.Advisories;
import dev.lazaret.policy.AnalystDecision;
import dev.lazaret.policy.PackageFacts;
import dev.lazaret.policy.PackageVerdict;
import dev.lazaret.policy.Quarantine;
import dev.lazaret.policy.Rule;
import dev.lazaret.policy.RuleTarget;
import dev.lazaret.policy.Verdict;
import dev.lazaret.policy.VersionFacts;
import dev.lazaret.proxy.it.MutableClock;
import dev.lazaret.proxy.npm.PackageName;
import dev.lazaret.proxy.upstream.NamedUpstream;
import dev.lazaret.proxy.upstream.PackumentResponse;
import dev.lazaret.proxy.upstream.RelayResponse;
import dev.lazaret.proxy.upstream.TarballResponse;
import dev.lazaret.proxy.upstream.Upstream;
import dev.lazaret.proxy.upstream.UpstreamRouter;
import dev.lazaret.storage.Storage;
import dev.lazaret.storage.StorageOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quarantine service judges by reading only (holds and publisher observations are written
 * in the background, retried while the state is down), and takes in other nodes' decisions and
 * rule changes.
 */
class QuarantineServiceTest {

  private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
  private static final Duration PATIENT = Duration.ofSeconds(30);
  /** An upstream the router does not know: no maintainer search is made for these facts. */
  private static final String UNROUTED = "elsewhere";

  @TempDir Path dir;
  private Storage storage;
  private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
  private final MutableClock clock = new MutableClock(NOW);
  private final List<QuarantineService> services = new ArrayList<>();

  @BeforeEach
  void open() {
    storage = Storage.open(StorageOptions.defaults(dir));
  }

  @AfterEach
  void close() {
    services.forEach(QuarantineService::close);
    background.shutdownNow();
    storage.close();
  }

  /** A node over {@code state} (two nodes over one state share it, as over one database). */
  private QuarantineService node(QuarantineState state) {
    EvidenceGatherer evidence = new EvidenceGatherer(new PublisherLedger(state),
        UpstreamRouter.single(new NamedUpstream("default", new NoUpstream())),
        (upstream, name, versions) -> Advisories.clean(), clock, Duration.ofDays(7),
        Duration.ofHours(24), PATIENT, background);
    HoldLedger holds = new HoldLedger(state);
    QuarantineService q = new QuarantineService(
        rules -> Quarantine.builder(clock).rules(rules).build(), evidence,
        new InspectionEvidence(holds, clock, Duration.ofDays(7)),
        new RoutedAdvisories(Map.of()), () -> { }, state, DecisionBook.load(state),
        RuleBook.load(state, List.of(), clock.instant()), holds, clock);
    services.add(q);
    return q;
  }

  /** An old version and one published an hour ago (held for the base cooldown). */
  private static PackageFacts freshLib() {
    return PackageFacts.builder("fresh-lib").upstream(UNROUTED)
        .version(VersionFacts.builder("1.0.0").publishedAt(NOW.minus(Duration.ofDays(400)))
            .publisher("alice").build())
        .version(VersionFacts.builder("2.0.0").publishedAt(NOW.minus(Duration.ofHours(1)))
            .publisher("alice").build())
        .build();
  }

  @Test
  void judgingWritesNothingAndTheHoldIsRecordedOnceTheStateIsBack() {
    FlakyState state = new FlakyState(RocksQuarantineState.open(storage));
    QuarantineService q = node(state);
    List<HoldRecord> notified = new CopyOnWriteArrayList<>();
    List<Boolean> storedWhenNotified = new CopyOnWriteArrayList<>();
    q.holds().onNewHold(r -> {
      storedWhenNotified.add(state.hold(r.packageName(), r.version()).isPresent());
      notified.add(r);
    });
    state.down = true;

    PackageVerdict verdict = q.judge(freshLib());

    assertThat(verdict.of("2.0.0")).isInstanceOf(Verdict.Hold.class);
    assertThat(verdict.of("1.0.0")).isInstanceOf(Verdict.Allow.class);
    assertThat(state.writers).as("no write on the judging thread")
        .doesNotContain(Thread.currentThread());
    assertThat(q.holds().find("fresh-lib", "2.0.0")).isEmpty();
    assertThat(q.pendingWrites()).isPositive();
    assertThat(q.awaitRecorded(Duration.ofMillis(50))).as("the state is down").isFalse();
    assertThat(notified).as("nothing stored, nothing announced").isEmpty();

    state.down = false;
    assertThat(q.awaitRecorded(PATIENT)).isTrue();
    HoldRecord hold = q.holds().find("fresh-lib", "2.0.0").orElseThrow();
    assertThat(hold.state()).isEqualTo(HoldState.HELD);
    assertThat(hold.until()).isEqualTo(((Verdict.Hold) verdict.of("2.0.0")).until());
    assertThat(hold.firstHeldAt()).isEqualTo(NOW);
    assertThat(q.holds().find("fresh-lib", "1.0.0")).isEmpty();
    assertThat(notified).extracting(HoldRecord::version).containsExactly("2.0.0");
    assertThat(storedWhenNotified).containsExactly(true);
    assertThat(state.publisher("alice").orElseThrow().knownSince()).isEqualTo(NOW);
    assertThat(q.pendingWrites()).isZero();
    assertThat(q.droppedWrites()).isZero();
  }

  @Test
  void theVerdictIsTheSameWhetherOrNotAnythingWasWritten() {
    FlakyState down = new FlakyState(RocksQuarantineState.open(storage));
    down.down = true;
    QuarantineService unwritten = node(down);
    Storage other = Storage.open(StorageOptions.defaults(dir.resolve("other")));
    try {
      QuarantineService written = node(RocksQuarantineState.open(other));
      for (Duration later : List.of(Duration.ZERO, Duration.ofHours(2), Duration.ofHours(30))) {
        clock.set(NOW.plus(later));
        PackageVerdict expected = written.judge(freshLib());
        assertThat(written.awaitRecorded(PATIENT)).isTrue();
        assertThat(unwritten.judge(freshLib())).as("after %s", later).isEqualTo(expected);
      }
    } finally {
      down.down = false; // lets closing write what waits at once
      services.removeLast().close();
      other.close();
    }
  }

  @Test
  void ofJudgementsWaitingToBeRecordedTheLatestIsWrittenWithTheFirstHeldTime()
      throws Exception {
    FlakyState state = new FlakyState(RocksQuarantineState.open(storage));
    QuarantineService q = node(state);
    state.down = true;
    q.judge(freshLib());
    // The first judgement's write has failed: it waits to be retried when the next one comes.
    assertThat(state.holdWriteFailed.await(30, TimeUnit.SECONDS)).isTrue();
    clock.advance(Duration.ofMinutes(10));
    q.judge(freshLib());

    state.down = false;
    assertThat(q.awaitRecorded(PATIENT)).isTrue();
    HoldRecord hold = q.holds().find("fresh-lib", "2.0.0").orElseThrow();
    assertThat(hold.firstHeldAt()).as("when it was first found held").isEqualTo(NOW);
    assertThat(hold.updatedAt()).as("the latest judgement").isEqualTo(NOW.plusSeconds(600));
  }

  @Test
  void aJudgementRecordedAfterADecisionItDidNotKnowDoesNotUndoIt() {
    FlakyState state = new FlakyState(RocksQuarantineState.open(storage));
    QuarantineService q = node(state);
    state.down = true;
    q.judge(freshLib());
    // The analyst approves the version before its hold was recorded (e.g. from the CLI).
    q.decisions().decide(AnalystDecision.approve("fresh-lib", "2.0.0", "carol", NOW, "fine"));

    state.down = false;
    assertThat(q.awaitRecorded(PATIENT)).isTrue();
    assertThat(q.holds().find("fresh-lib", "2.0.0")).as("not recorded as held").isEmpty();
    q.judge(freshLib());
    assertThat(q.awaitRecorded(PATIENT)).isTrue();
    assertThat(q.holds().find("fresh-lib", "2.0.0").orElseThrow().state())
        .isEqualTo(HoldState.APPROVED);
  }

  @Test
  void closingWritesWhatIsStillQueued() {
    QuarantineState state = RocksQuarantineState.open(storage);
    QuarantineService q = node(state);
    q.judge(freshLib());
    q.close();
    assertThat(state.hold("fresh-lib", "2.0.0")).isPresent();
    assertThat(state.publisher("alice")).isPresent();
  }

  @Test
  void aDecisionMadeOnAnotherNodeIsTakenInAndThePackageJudgedAgain() {
    QuarantineState shared = RocksQuarantineState.open(storage);
    QuarantineService a = node(shared);
    QuarantineService b = node(shared);
    List<String> changed = new CopyOnWriteArrayList<>();
    a.onChange(changed::add);
    assertThat(a.judge(freshLib()).of("2.0.0")).isInstanceOf(Verdict.Hold.class);

    b.decisions().decide(AnalystDecision.approve("fresh-lib", "2.0.0", "carol", NOW, "fine"));
    assertThat(a.judge(freshLib()).of("2.0.0")).as("not yet announced")
        .isInstanceOf(Verdict.Hold.class);
    a.remoteDecision("fresh-lib");

    assertThat(changed).containsExactly("fresh-lib");
    assertThat(a.judge(freshLib()).of("2.0.0")).isInstanceOf(Verdict.Allow.class);
    a.remoteDecision("fresh-lib");
    a.remoteDecision("never-decided");
    assertThat(changed).as("nothing differs: nothing to judge again").hasSize(1);
  }

  @Test
  void aRuleChangedOnAnotherNodeRebuildsTheEngineAndMovesTheEpochOnlyIfItDiffers() {
    QuarantineState shared = RocksQuarantineState.open(storage);
    QuarantineService a = node(shared);
    QuarantineService b = node(shared);
    long epoch = a.epoch();

    StoredRule trust = b.rules().add(Rule.trust(RuleTarget.packageName("fresh-lib"), "ours"),
        "carol", NOW);
    a.remoteRulesChanged();
    assertThat(a.epoch()).isEqualTo(epoch + 1);
    assertThat(a.rules().list()).containsExactly(trust);
    assertThat(a.judge(freshLib()).of("2.0.0")).isInstanceOf(Verdict.Allow.class);

    a.remoteRulesChanged();
    assertThat(a.epoch()).as("the same rules").isEqualTo(epoch + 1);

    b.rules().remove(trust.id(), "dave", "not ours", NOW);
    a.remoteRulesChanged();
    assertThat(a.epoch()).isEqualTo(epoch + 2);
    assertThat(a.judge(freshLib()).of("2.0.0")).isInstanceOf(Verdict.Hold.class);
  }

  @Test
  void aResyncTakesInWhatWasMissedAndJudgesAgainOnlyPackagesWhoseDecisionsDiffer() {
    QuarantineState shared = RocksQuarantineState.open(storage);
    QuarantineService a = node(shared);
    QuarantineService b = node(shared);
    a.decisions().decide(AnalystDecision.approve("known", "1.0.0", "carol", NOW, ""));
    List<String> changed = new CopyOnWriteArrayList<>();
    a.onChange(changed::add);
    long epoch = a.epoch();

    b.decisions().decide(AnalystDecision.approve("fresh-lib", "2.0.0", "carol", NOW, ""));
    b.decisions().decide(AnalystDecision.reject("other", "3.0.0", "dave", NOW, ""));
    b.rules().add(Rule.deny(RuleTarget.publisher("mallory"), "hijacked"), "carol", NOW);
    a.resync();

    assertThat(changed).containsExactlyInAnyOrder("fresh-lib", "other");
    assertThat(a.epoch()).isEqualTo(epoch + 1);
    assertThat(a.judge(freshLib()).of("2.0.0")).isInstanceOf(Verdict.Allow.class);

    a.resync();
    assertThat(changed).as("nothing missed since").hasSize(2);
    assertThat(a.epoch()).isEqualTo(epoch + 1);
  }

  /** An upstream never asked: these tests make no maintainer search. */
  static final class NoUpstream implements Upstream {
    @Override
    public URI base() {
      return URI.create("http://127.0.0.1:9/");
    }

    @Override
    public PackumentResponse packument(PackageName name, String etag, String lastModified) {
      throw new UnsupportedOperationException();
    }

    @Override
    public TarballResponse tarball(String url) {
      throw new UnsupportedOperationException();
    }

    @Override
    public RelayResponse relay(String method, String pathAndQuery, Map<String, String> headers,
        byte[] body) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
  }
}
