package dev.lazaret.proxy.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.AnalystDecision;
import dev.lazaret.policy.Rule;
import dev.lazaret.policy.RuleTarget;
import dev.lazaret.storage.AuditEntry;
import dev.lazaret.storage.Storage;
import dev.lazaret.storage.StorageOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded quarantine state passes the contract, and indexes an older store at open. */
class RocksQuarantineStateTest extends QuarantineStateContract {

  @TempDir Path dir;
  private Storage storage;
  private QuarantineState state;

  @BeforeEach
  void open() {
    storage = Storage.open(StorageOptions.defaults(dir));
    state = RocksQuarantineState.open(storage);
  }

  @AfterEach
  void close() {
    storage.close();
  }

  @Override
  protected QuarantineState state() {
    return state;
  }

  @Override
  protected QuarantineState reopen() {
    storage.close();
    open();
    return state;
  }

  @Test
  void aStoreWrittenBeforeTheIndexExistedIsIndexedAtOpen() {
    storage.close();
    storage = Storage.open(StorageOptions.defaults(dir));
    // As an older release left it: hold records, no index, no mark that one was built.
    List<HoldRecord> old = List.of(hold("old", "1.0.0", HoldState.HELD, T0),
        hold("old", "1.1.0", HoldState.HELD, T0.plusSeconds(1)),
        hold("old", "0.9.0", HoldState.REJECTED, T0));
    storage.records(RocksQuarantineState.META).delete(RocksQuarantineState.INDEX_BUILT);
    for (HoldRecord r : old) {
      storage.records(RocksQuarantineState.HOLDS).put(
          HoldRecord.key(r.packageName(), r.version()), StoredJson.write(r));
    }
    // A stray entry an interrupted build might leave must not survive the rebuild.
    storage.records(RocksQuarantineState.HOLD_INDEX).put("held 0000 stray 1.0.0", new byte[0]);

    state = RocksQuarantineState.open(storage);

    assertThat(state.holdsIn(EnumSet.of(HoldState.HELD), null, 10))
        .containsExactly(old.get(1), old.get(0));
    assertThat(state.holdsIn(EnumSet.of(HoldState.REJECTED), null, 10))
        .containsExactly(old.get(2));
    assertThat(state.holdCounts().get(HoldState.HELD)).isEqualTo(2L);
    assertThat(state.holdCounts().get(HoldState.REJECTED)).isEqualTo(1L);
    assertThat(storage.records(RocksQuarantineState.META)
        .get(RocksQuarantineState.INDEX_BUILT)).isPresent();
  }

  @Test
  void theIndexIsBuiltOnceNotAtEveryOpen() {
    state.saveHolds(List.of(hold("kept", "1.0.0", HoldState.HELD, T0)));
    // Were the index rebuilt at the next open, this entry would vanish.
    storage.records(RocksQuarantineState.HOLD_INDEX).put("blocked marker", new byte[0]);

    reopen();

    assertThat(storage.records(RocksQuarantineState.HOLD_INDEX).get("blocked marker"))
        .isPresent();
  }

  @Test
  void everyAuditEntryANamedNodeAppendsCarriesItsName() {
    state = RocksQuarantineState.open(storage, "node-a");
    state.saveHolds(List.of(hold("pkg", "1.0.0", HoldState.HELD, T0)));
    state.decide(AnalystDecision.approve("pkg", "1.0.0", "carol", T0, "fine"), false);
    state.decide(AnalystDecision.reject("pkg", "1.0.0", "dave", T0, "not fine"), false);
    StoredRule rule = StoredRule.of("r1", Rule.trust(RuleTarget.scope("@acme"), "ours"),
        "carol", T0);
    state.addRule(rule, new AuditEvent(T0, "carol", "rule-add", "trust @acme", "", Map.of()));
    state.removeRuleIfPresent("r1",
        new AuditEvent(T0, "carol", "rule-remove", "trust @acme", "", Map.of("rule", "x")));
    state.addRule(rule, new AuditEvent(T0, "carol", "rule-add", "trust @acme", "", Map.of()));
    state.removeRule("r1",
        new AuditEvent(T0, "carol", "rule-remove", "trust @acme", "", Map.of()));

    List<AuditEvent> audit = state.audit().after(0, 100).stream().map(AuditEntry::payload)
        .map(AuditEvent::decode).toList();
    assertThat(audit).extracting(AuditEvent::action).containsExactly("approve",
        "reject-refused", "rule-add", "rule-remove", "rule-add", "rule-remove");
    assertThat(audit).allSatisfy(e -> assertThat(e.details()).containsEntry("node", "node-a"));
    assertThat(audit.get(3).details()).as("the caller's details kept").containsEntry("rule", "x");
  }

  @Test
  void anUnnamedNodesAuditEntriesNameNoNode() {
    state.addRule(StoredRule.of("r1", Rule.trust(RuleTarget.scope("@acme"), "ours"), "carol",
        T0), new AuditEvent(T0, "carol", "rule-add", "trust @acme", "", Map.of()));
    assertThat(AuditEvent.decode(state.audit().after(0, 1).getFirst().payload()).details())
        .doesNotContainKey("node");
  }

  @Test
  void ofConcurrentRemovalsOfOneRuleExactlyOneRemovesAndIsAudited() throws Exception {
    state.addRule(StoredRule.of("r1", Rule.trust(RuleTarget.scope("@acme"), "ours"), "carol",
        T0), new AuditEvent(T0, "carol", "rule-add", "trust @acme", "", Map.of()));
    int removers = 8;
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(removers)) {
      for (int i = 0; i < removers; i++) {
        AuditEvent event = new AuditEvent(T0, "analyst-" + i, "rule-remove", "trust @acme", "",
            Map.of());
        results.add(pool.submit(() -> {
          go.await();
          return state.removeRuleIfPresent("r1", event);
        }));
      }
      go.countDown();
      int removed = 0;
      for (Future<Boolean> f : results) {
        removed += f.get() ? 1 : 0;
      }
      assertThat(removed).isEqualTo(1);
    }
    assertThat(state.audit().after(0, 100)).hasSize(2);
  }
}
