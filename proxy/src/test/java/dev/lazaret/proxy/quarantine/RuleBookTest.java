package dev.lazaret.proxy.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.Rule;
import dev.lazaret.policy.RuleTarget;
import dev.lazaret.storage.AuditEntry;
import dev.lazaret.storage.Storage;
import dev.lazaret.storage.StorageOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stored rules: a removal is decided by the state (exactly one of several concurrent ones, on
 * one node or two, removes and audits), and every node applies the rules in the same order.
 */
class RuleBookTest {

  private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

  @TempDir Path dir;
  private Storage storage;
  private QuarantineState shared;

  @BeforeEach
  void open() {
    storage = Storage.open(StorageOptions.defaults(dir));
    shared = RocksQuarantineState.open(storage);
  }

  @AfterEach
  void close() {
    storage.close();
  }

  private RuleBook book() {
    return RuleBook.load(shared, List.of(), T0);
  }

  private List<String> auditActions() {
    return shared.audit().after(0, 1_000).stream().map(AuditEntry::payload)
        .map(AuditEvent::decode).map(AuditEvent::action).toList();
  }

  @Test
  void ofConcurrentRemovalsOnTwoNodesExactlyOneRemovesTheRuleAndIsAudited() throws Exception {
    RuleBook a = book();
    StoredRule rule = a.add(Rule.deny(RuleTarget.publisher("mallory"), "hijacked"), "carol", T0);
    RuleBook b = book();
    AtomicInteger changesA = new AtomicInteger();
    a.onChange(changesA::incrementAndGet);

    int removers = 8;
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Optional<StoredRule>>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(removers)) {
      for (int i = 0; i < removers; i++) {
        RuleBook node = i % 2 == 0 ? a : b;
        String actor = "analyst-" + i;
        results.add(pool.submit(() -> {
          go.await();
          return node.remove(rule.id(), actor, "gone", T0.plusSeconds(1));
        }));
      }
      go.countDown();
      int removed = 0;
      for (Future<Optional<StoredRule>> f : results) {
        removed += f.get().isPresent() ? 1 : 0;
      }
      assertThat(removed).isEqualTo(1);
    }

    assertThat(auditActions()).containsExactly("rule-add", "rule-remove");
    assertThat(shared.rules()).isEmpty();
    assertThat(a.list()).isEmpty();
    assertThat(b.list()).isEmpty();
    assertThat(changesA.get()).as("the engine is rebuilt once on this node").isEqualTo(1);
  }

  @Test
  void removingARuleAnotherNodeRemovedFindsNothingAndForgetsIt() {
    RuleBook a = book();
    StoredRule rule = a.add(Rule.trust(RuleTarget.scope("@acme"), "ours"), "carol", T0);
    RuleBook b = book();
    assertThat(b.remove(rule.id(), "dave", "not ours", T0)).contains(rule);

    assertThat(a.remove(rule.id(), "erin", "not ours either", T0)).isEmpty();
    assertThat(a.list()).as("the stale copy is dropped").isEmpty();
    assertThat(a.rules().rules()).isEmpty();
    assertThat(auditActions()).containsExactly("rule-add", "rule-remove");
  }

  @Test
  void aRuleAnotherNodeAddedCanBeRemovedBeforeItWasAnnounced() {
    RuleBook a = book();
    RuleBook b = book();
    StoredRule rule = b.add(Rule.trust(RuleTarget.scope("@acme"), "ours"), "carol", T0);

    assertThat(a.remove(rule.id(), "dave", "not ours", T0)).contains(rule);
    assertThat(shared.rules()).isEmpty();
    assertThat(auditActions()).containsExactly("rule-add", "rule-remove");
  }

  @Test
  void reloadingRunsTheListenerOnlyWhenTheStoredRulesDiffer() {
    RuleBook a = book();
    RuleBook b = book();
    AtomicInteger changes = new AtomicInteger();
    a.onChange(changes::incrementAndGet);
    assertThat(a.reload()).isFalse();

    StoredRule rule = b.add(Rule.trust(RuleTarget.scope("@acme"), "ours"), "carol", T0);
    assertThat(a.reload()).isTrue();
    assertThat(a.list()).containsExactly(rule);
    assertThat(a.reload()).isFalse();
    assertThat(changes.get()).isEqualTo(1);
  }

  @Test
  void everyNodeAndEveryRestartAppliesTheRulesInTheOrderTheyWereMade() {
    RuleBook a = book();
    List<StoredRule> made = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      made.add(a.add(Rule.trust(RuleTarget.packageName("pkg-" + i), "rule " + i), "carol",
          T0.plusSeconds(i)));
    }
    assertThat(a.list()).containsExactlyElementsOf(made);
    assertThat(book().list()).as("loaded by another node").containsExactlyElementsOf(made);
    RuleBook reloaded = RuleBook.load(shared, List.of(), T0);
    reloaded.remove(made.get(2).id(), "dave", "", T0);
    made.remove(2);
    a.reload();
    assertThat(a.list()).containsExactlyElementsOf(made);
    assertThat(a.rules()).isEqualTo(reloaded.rules());
  }
}
