package dev.lazaret.proxy.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.AnalystDecision;
import dev.lazaret.policy.Decisions;
import dev.lazaret.policy.Evidence;
import dev.lazaret.policy.PackageFacts;
import dev.lazaret.policy.PackageVerdict;
import dev.lazaret.policy.Verdict;
import dev.lazaret.policy.VersionFacts;
import dev.lazaret.storage.Storage;
import dev.lazaret.storage.StorageOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publisher ledger, the hold ledger and the decision book over a real store. */
class LedgersTest {

  private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

  @TempDir Path dir;
  private Storage storage;

  @BeforeEach
  void open() {
    storage = Storage.open(StorageOptions.defaults(dir));
  }

  @AfterEach
  void close() {
    storage.close();
  }

  private static PackageFacts facts(String name, VersionFacts... versions) {
    PackageFacts.Builder b = PackageFacts.builder(name).upstream("default");
    for (VersionFacts v : versions) {
      b.version(v);
    }
    return b.build();
  }

  private static VersionFacts v(String version, Instant at, String publisher) {
    return VersionFacts.builder(version).publishedAt(at).publisher(publisher).build();
  }

  @Test
  void publisherLedgerKeepsTheEarliestPublishAndSurvivesReopen() {
    PublisherLedger ledger = new PublisherLedger(RocksQuarantineState.open(storage));
    ledger.observe(facts("a", v("1.0.0", T0.minusSeconds(100), "alice")), T0);
    ledger.observe(facts("b", v("1.0.0", T0.minusSeconds(5_000), "alice"),
        v("1.1.0", T0.minusSeconds(10), "bob")), T0.plusSeconds(60));
    ledger.observe(facts("c", v("2.0.0", T0.minusSeconds(1), "alice")), T0.plusSeconds(120));

    PublisherRecord alice = ledger.find("alice").orElseThrow();
    assertThat(alice.knownSince()).isEqualTo(T0);
    assertThat(alice.firstPublishSeen()).isEqualTo(T0.minusSeconds(5_000));
    assertThat(alice.searchedAt()).isNull();

    ledger.recordSearch("alice", 42, T0.minusSeconds(99_999), T0.plusSeconds(200));
    assertThat(ledger.find("alice").orElseThrow().packagesMaintained())
        .as("in force at once, before it is written").isEqualTo(42);
    assertThat(ledger.awaitWritten(Duration.ofSeconds(30))).isTrue();
    storage.close();
    storage = Storage.open(StorageOptions.defaults(dir));
    PublisherLedger reopened = new PublisherLedger(RocksQuarantineState.open(storage));
    PublisherRecord again = reopened.find("alice").orElseThrow();
    assertThat(again.packagesMaintained()).isEqualTo(42);
    assertThat(again.evidence().earliest()).contains(T0.minusSeconds(99_999));
    assertThat(again.evidence().packagesMaintained()).hasValue(42);
    assertThat(reopened.find("bob").orElseThrow().firstPublishSeen())
        .isEqualTo(T0.minusSeconds(10));
    assertThat(reopened.find("nobody")).isEmpty();
  }

  @Test
  void holdLedgerRecordsHoldsAndWhatBecameOfThem() {
    HoldLedger ledger = new HoldLedger(RocksQuarantineState.open(storage));
    PackageFacts facts = facts("pkg", v("1.0.0", T0.minusSeconds(86_400 * 400), "alice"),
        v("1.1.0", T0.minusSeconds(3_600), "alice"));
    Instant until = T0.plusSeconds(20 * 3_600);
    ledger.record(facts, verdict(Verdict.Allow.PLAIN, new Verdict.Hold(until, List.of("wait"))),
        Evidence.none(), Decisions.none(), T0);

    assertThat(ledger.find("pkg", "1.0.0")).as("never held, never recorded").isEmpty();
    HoldRecord held = ledger.find("pkg", "1.1.0").orElseThrow();
    assertThat(held.state()).isEqualTo(HoldState.HELD);
    assertThat(held.until()).isEqualTo(until);
    assertThat(held.firstHeldAt()).isEqualTo(T0);
    assertThat(held.reasons()).containsExactly("wait");
    assertThat(held.stateAt(until.minusMillis(1))).isEqualTo(HoldState.HELD);
    assertThat(held.stateAt(until)).isEqualTo(HoldState.RELEASED);

    Instant later = until.plusSeconds(1);
    ledger.record(facts, verdict(Verdict.Allow.PLAIN, Verdict.Allow.PLAIN), Evidence.none(),
        Decisions.none(), later);
    HoldRecord released = ledger.find("pkg", "1.1.0").orElseThrow();
    assertThat(released.state()).isEqualTo(HoldState.RELEASED);
    assertThat(released.firstHeldAt()).isEqualTo(T0);
    assertThat(released.until()).isEqualTo(until);
    assertThat(released.updatedAt()).isEqualTo(later);

    AnalystDecision reject = AnalystDecision.reject("pkg", "1.1.0", "carol", later, "bad");
    ledger.record(facts, verdict(Verdict.Allow.PLAIN, new Verdict.Block(List.of("Rejected"))),
        Evidence.none(), Decisions.of(reject), later);
    HoldRecord rejected = ledger.find("pkg", "1.1.0").orElseThrow();
    assertThat(rejected.state()).isEqualTo(HoldState.REJECTED);
    assertThat(rejected.decision().analyst()).isEqualTo("carol");
    assertThat(ledger.forPackage("pkg")).hasSize(1);
    assertThat(ledger.forPackage("pk")).as("prefix of another name").isEmpty();
  }

  @Test
  void unchangedVerdictsAreNotRewritten() {
    HoldLedger ledger = new HoldLedger(RocksQuarantineState.open(storage));
    PackageFacts facts = facts("pkg", v("1.0.0", T0, "alice"));
    PackageVerdict held = verdict(new Verdict.Hold(T0.plusSeconds(60), List.of("wait")));
    ledger.record(facts, held, Evidence.none(), Decisions.none(), T0);
    ledger.record(facts, held, Evidence.none(), Decisions.none(), T0.plusSeconds(5));
    assertThat(ledger.find("pkg", "1.0.0").orElseThrow().updatedAt()).isEqualTo(T0);
  }

  @Test
  void decisionsAreStoredWithAnAuditEntryAndReloaded() {
    DecisionBook book = DecisionBook.load(RocksQuarantineState.open(storage));
    java.util.List<String> changed = new java.util.ArrayList<>();
    book.onChange(changed::add);
    book.decide(AnalystDecision.approve("pkg", "1.1.0", "carol", T0, "fine"));
    book.decide(AnalystDecision.reject("pkg", "1.1.0", "dave", T0.plusSeconds(5), "not fine"));
    book.decide(AnalystDecision.approve("other", "2.0.0", "carol", T0, ""));
    assertThat(changed).containsExactly("pkg", "pkg", "other");

    DecisionBook reloaded = DecisionBook.load(RocksQuarantineState.open(storage));
    Optional<AnalystDecision> latest = reloaded.forPackage("pkg").forVersion("pkg", "1.1.0");
    assertThat(latest).hasValueSatisfying(d -> {
      assertThat(d.approved()).isFalse();
      assertThat(d.analyst()).isEqualTo("dave");
    });
    assertThat(reloaded.forPackage("nothing").forVersion("nothing", "1.0.0")).isEmpty();

    var audit = storage.auditLog().after(0, 10);
    assertThat(audit).hasSize(3);
    AuditEvent first = AuditEvent.decode(audit.get(0).payload());
    assertThat(first.actor()).isEqualTo("carol");
    assertThat(first.action()).isEqualTo("approve");
    assertThat(first.target()).isEqualTo("pkg@1.1.0");
    assertThat(first.reason()).isEqualTo("fine");
  }

  private static PackageVerdict verdict(Verdict... perVersion) {
    Map<String, Verdict> map = new LinkedHashMap<>();
    String[] versions = perVersion.length == 1 ? new String[] {"1.0.0"}
        : new String[] {"1.0.0", "1.1.0"};
    for (int i = 0; i < perVersion.length; i++) {
      map.put(versions[i], perVersion[i]);
    }
    return new PackageVerdict(map, Optional.empty());
  }
}
