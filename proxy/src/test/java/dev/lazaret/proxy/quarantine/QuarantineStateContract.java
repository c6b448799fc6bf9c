package dev.lazaret.proxy.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.AnalystDecision;
import dev.lazaret.policy.Rule;
import dev.lazaret.policy.RuleTarget;
import dev.lazaret.storage.AuditEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link QuarantineState} must do; subclasses supply a fresh, empty state per test
 * and can reopen it over the same data.
 */
public abstract class QuarantineStateContract {

  protected static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

  /** A fresh, empty state; the subclass opens it before each test and closes it after. */
  protected abstract QuarantineState state();

  /** The same data, opened again as after a restart; {@link #state()} answers the new one. */
  protected abstract QuarantineState reopen();

  protected static HoldRecord hold(String name, String version, HoldState state,
      Instant firstHeldAt) {
    return new HoldRecord(name, version, "alice", firstHeldAt.minusSeconds(60), "default", state,
        false, firstHeldAt.plusSeconds(86_400), firstHeldAt, firstHeldAt,
        List.of("held for a day"), List.of(), null, null);
  }

  private static HoldRecord inState(HoldRecord r, HoldState state) {
    return new HoldRecord(r.packageName(), r.version(), r.publisher(), r.publishedAt(),
        r.upstream(), state, r.risky(), r.until(), r.firstHeldAt(), r.updatedAt().plusSeconds(1),
        r.reasons(), r.signals(), r.publisherEvidence(), r.decision());
  }

  private static Comparator<HoldRecord> newestFirst() {
    return Comparator.comparing(HoldRecord::firstHeldAt, Comparator.reverseOrder())
        .thenComparing(HoldRecord::packageName).thenComparing(HoldRecord::version);
  }

  private List<HoldRecord> everyPage(Set<HoldState> states, int pageSize) {
    List<HoldRecord> all = new ArrayList<>();
    HoldPosition after = null;
    while (true) {
      List<HoldRecord> page = state().holdsIn(states, after, pageSize);
      assertThat(page.size()).isLessThanOrEqualTo(pageSize);
      all.addAll(page);
      if (page.size() < pageSize) {
        return all;
      }
      after = HoldPosition.of(page.getLast());
    }
  }

  private List<AuditEvent> auditEvents() {
    return state().audit().after(0, 1_000).stream().map(AuditEntry::payload)
        .map(AuditEvent::decode).toList();
  }

  @Test
  void holdsAreFoundByVersionAndPackageAndSurviveReopen() {
    HoldRecord a = hold("left-pad", "1.3.0", HoldState.HELD, T0);
    HoldRecord b = hold("left-pad", "1.4.0", HoldState.BLOCKED, T0.plusSeconds(1));
    HoldRecord other = hold("left-pad-extra", "1.0.0", HoldState.HELD, T0);
    state().saveHolds(List.of(a, b, other));

    assertThat(state().hold("left-pad", "1.3.0")).contains(a);
    assertThat(state().hold("left-pad", "9.9.9")).isEmpty();
    assertThat(state().holdsOf("left-pad")).containsExactlyInAnyOrder(a, b);
    reopen();
    assertThat(state().holdsOf("left-pad")).containsExactlyInAnyOrder(a, b);
    assertThat(state().hold("left-pad-extra", "1.0.0")).contains(other);
  }

  @Test
  void holdsInListsOneStateNewestFirstAndPagesWithoutGapsOrRepeats() {
    List<HoldRecord> held = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      // Three share each instant: ties are ordered by package and version.
      held.add(hold("pkg-" + (char) ('a' + i % 3), "1.0." + i, HoldState.HELD,
          T0.plusSeconds(i / 3)));
    }
    state().saveHolds(held);
    state().saveHolds(List.of(hold("approved-one", "1.0.0", HoldState.APPROVED, T0)));

    List<HoldRecord> expected = held.stream().sorted(newestFirst()).toList();
    assertThat(everyPage(EnumSet.of(HoldState.HELD), 5)).containsExactlyElementsOf(expected);
    assertThat(everyPage(EnumSet.of(HoldState.HELD), 23)).containsExactlyElementsOf(expected);
    assertThat(state().holdsIn(EnumSet.of(HoldState.HELD), HoldPosition.of(expected.get(9)), 3))
        .containsExactlyElementsOf(expected.subList(10, 13));
    assertThat(state().holdsIn(EnumSet.of(HoldState.REJECTED), null, 10)).isEmpty();
  }

  @Test
  void holdsInMergesSeveralStatesInOneOrder() {
    List<HoldRecord> all = new ArrayList<>();
    HoldState[] states = HoldState.values();
    for (int i = 0; i < 30; i++) {
      all.add(hold("pkg", "2.0." + i, states[i % states.length], T0.plusSeconds(i * 7 % 11)));
    }
    state().saveHolds(all);

    assertThat(everyPage(EnumSet.allOf(HoldState.class), 4))
        .containsExactlyElementsOf(all.stream().sorted(newestFirst()).toList());
    assertThat(everyPage(EnumSet.of(HoldState.RELEASED, HoldState.HELD), 3))
        .containsExactlyElementsOf(all.stream()
            .filter(h -> h.state() == HoldState.RELEASED || h.state() == HoldState.HELD)
            .sorted(newestFirst()).toList());
  }

  @Test
  void theIndexAndTheCountsFollowEveryWriteOfAHold() {
    Random random = new Random(11);
    Map<String, HoldRecord> truth = new HashMap<>();
    for (int round = 0; round < 200; round++) {
      String version = "3.0." + random.nextInt(25);
      HoldState next = HoldState.values()[random.nextInt(HoldState.values().length)];
      HoldRecord before = truth.get(version);
      HoldRecord after = before == null
          ? hold("churn", version, next, T0.plusSeconds(random.nextInt(5)))
          : inState(before, next);
      if (random.nextInt(4) == 0) {
        String other = "3.1." + round;
        HoldRecord second = hold("churn", other, HoldState.HELD, T0);
        state().saveHolds(List.of(after, second));
        truth.put(other, second);
      } else {
        state().saveHolds(List.of(after));
      }
      truth.put(version, after);
    }
    assertIndexMatches(truth);
    reopen();
    assertIndexMatches(truth);
  }

  private void assertIndexMatches(Map<String, HoldRecord> truth) {
    for (HoldState s : HoldState.values()) {
      List<HoldRecord> expected = truth.values().stream().filter(h -> h.state() == s)
          .sorted(newestFirst()).toList();
      assertThat(everyPage(EnumSet.of(s), 7)).as("listed as %s", s)
          .containsExactlyElementsOf(expected);
      assertThat(state().holdCounts().get(s)).as("count of %s", s)
          .isEqualTo((long) expected.size());
    }
  }

  @Test
  void aDecisionStoresItselfTheHoldsNewStateAndItsAuditEntryTogether() {
    state().saveHolds(List.of(hold("left-pad", "1.3.0", HoldState.HELD, T0)));
    AnalystDecision approve = AnalystDecision.approve("left-pad", "1.3.0", "carol",
        T0.plusSeconds(30), "reviewed the diff");

    DecisionOutcome outcome = state().decide(approve, false);

    assertThat(outcome).isInstanceOf(DecisionOutcome.Decided.class);
    HoldRecord answered = ((DecisionOutcome.Decided) outcome).hold().orElseThrow();
    assertThat(answered.state()).isEqualTo(HoldState.APPROVED);
    assertThat(answered.decision().analyst()).isEqualTo("carol");
    assertThat(answered.firstHeldAt()).isEqualTo(T0);
    reopen();
    assertThat(state().hold("left-pad", "1.3.0")).contains(answered);
    assertThat(state().decisions()).containsExactly(approve);
    assertThat(auditEvents()).singleElement().satisfies(e -> {
      assertThat(e.action()).isEqualTo("approve");
      assertThat(e.actor()).isEqualTo("carol");
      assertThat(e.target()).isEqualTo("left-pad@1.3.0");
      assertThat(e.reason()).isEqualTo("reviewed the diff");
    });
    assertThat(state().holdsIn(EnumSet.of(HoldState.HELD), null, 10)).isEmpty();
    assertThat(state().holdsIn(EnumSet.of(HoldState.APPROVED), null, 10))
        .containsExactly(answered);
    assertThat(state().holdCounts().get(HoldState.APPROVED)).isEqualTo(1L);
    assertThat(state().holdCounts().get(HoldState.HELD)).isZero();
  }

  @Test
  void aSecondDecisionOnADecidedHoldIsRefusedAndAuditedAsRefused() {
    state().saveHolds(List.of(hold("left-pad", "1.3.0", HoldState.HELD, T0)));
    state().decide(AnalystDecision.approve("left-pad", "1.3.0", "carol", T0.plusSeconds(30),
        "fine"), false);

    DecisionOutcome second = state().decide(AnalystDecision.reject("left-pad", "1.3.0", "dave",
        T0.plusSeconds(31), "looks odd"), false);

    assertThat(second).isInstanceOf(DecisionOutcome.Refused.class);
    assertThat(((DecisionOutcome.Refused) second).hold().decision().analyst()).isEqualTo("carol");
    assertThat(state().hold("left-pad", "1.3.0").orElseThrow().state())
        .isEqualTo(HoldState.APPROVED);
    assertThat(state().decisions()).singleElement()
        .satisfies(d -> assertThat(d.analyst()).isEqualTo("carol"));
    assertThat(auditEvents()).extracting(AuditEvent::action, AuditEvent::actor)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("approve", "carol"),
            org.assertj.core.groups.Tuple.tuple("reject-refused", "dave"));
    assertThat(auditEvents().get(1).details()).containsEntry("decidedBy", "carol")
        .containsEntry("decision", "approve");
  }

  @Test
  void aReplacingDecisionOverrulesTheEarlierOne() {
    state().saveHolds(List.of(hold("left-pad", "1.3.0", HoldState.HELD, T0)));
    state().decide(AnalystDecision.approve("left-pad", "1.3.0", "carol", T0.plusSeconds(30),
        "fine"), false);

    DecisionOutcome second = state().decide(AnalystDecision.reject("left-pad", "1.3.0", "dave",
        T0.plusSeconds(31), "it was not fine"), true);

    assertThat(((DecisionOutcome.Decided) second).hold().orElseThrow().state())
        .isEqualTo(HoldState.REJECTED);
    assertThat(state().decisions()).singleElement()
        .satisfies(d -> assertThat(d.analyst()).isEqualTo("dave"));
    assertThat(state().holdsIn(EnumSet.of(HoldState.APPROVED), null, 10)).isEmpty();
    assertThat(state().holdsIn(EnumSet.of(HoldState.REJECTED), null, 10)).hasSize(1);
    assertThat(auditEvents()).extracting(AuditEvent::action).containsExactly("approve", "reject");
  }

  @Test
  void aRecordJudgedBeforeADecisionDoesNotUndoIt() {
    HoldRecord held = hold("left-pad", "1.3.0", HoldState.HELD, T0);
    state().saveHolds(List.of(held));
    state().decide(AnalystDecision.approve("left-pad", "1.3.0", "carol", T0.plusSeconds(30),
        "fine"), false);

    // A judgement that started before the decision finishes after it.
    List<HoldRecord> stored = state().saveHolds(List.of(inState(held, HoldState.HELD),
        hold("left-pad", "1.4.0", HoldState.HELD, T0)));

    assertThat(stored).extracting(HoldRecord::version).containsExactly("1.4.0");

    assertThat(state().hold("left-pad", "1.3.0").orElseThrow().state())
        .isEqualTo(HoldState.APPROVED);
    assertThat(state().hold("left-pad", "1.4.0")).isPresent();
    assertThat(state().holdCounts().get(HoldState.HELD)).isEqualTo(1L);
    assertThat(state().holdCounts().get(HoldState.APPROVED)).isEqualTo(1L);
    assertThat(state().holdsIn(EnumSet.of(HoldState.HELD), null, 10)).extracting(
        HoldRecord::version).containsExactly("1.4.0");
  }

  @Test
  void aDecisionAboutAVersionNeverRecordedIsStoredWithoutAHold() {
    AnalystDecision reject = AnalystDecision.reject("fresh", "1.0.0", "carol", T0, "pre-emptive");

    DecisionOutcome outcome = state().decide(reject, false);

    assertThat(((DecisionOutcome.Decided) outcome).hold()).isEmpty();
    assertThat(state().hold("fresh", "1.0.0")).isEmpty();
    assertThat(state().decisions()).containsExactly(reject);
    assertThat(auditEvents()).extracting(AuditEvent::action).containsExactly("reject");
  }

  @Test
  void ofTwoConcurrentDecisionsAboutOneHoldExactlyOneWins() throws Exception {
    int holds = 20;
    List<HoldRecord> records = new ArrayList<>();
    for (int i = 0; i < holds; i++) {
      records.add(hold("contested", "1.0." + i, HoldState.HELD, T0));
    }
    state().saveHolds(records);
    ExecutorService analysts = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < holds; i++) {
        String version = "1.0." + i;
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<DecisionOutcome>> outcomes = List.of(
            analysts.submit(() -> {
              ready.countDown();
              go.await();
              return state().decide(AnalystDecision.approve("contested", version, "carol",
                  T0.plusSeconds(5), "ok"), false);
            }),
            analysts.submit(() -> {
              ready.countDown();
              go.await();
              return state().decide(AnalystDecision.reject("contested", version, "dave",
                  T0.plusSeconds(5), "no"), false);
            }));
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<DecisionOutcome> done = new ArrayList<>();
        for (Future<DecisionOutcome> f : outcomes) {
          done.add(f.get(10, TimeUnit.SECONDS));
        }
        assertThat(done).filteredOn(o -> o instanceof DecisionOutcome.Decided).hasSize(1);
        assertThat(done).filteredOn(o -> o instanceof DecisionOutcome.Refused).hasSize(1);
        HoldRecord stored = state().hold("contested", version).orElseThrow();
        HoldRecord.Decision winner = stored.decision();
        assertThat(stored.state()).isEqualTo(winner.approved() ? HoldState.APPROVED
            : HoldState.REJECTED);
        List<AuditEvent> about = auditEvents().stream()
            .filter(e -> e.target().equals("contested@" + version)).toList();
        assertThat(about).extracting(AuditEvent::action).containsExactlyInAnyOrder(
            winner.approved() ? "approve" : "reject",
            winner.approved() ? "reject-refused" : "approve-refused");
      }
    } finally {
      analysts.shutdownNow();
    }
    assertThat(state().decisions()).hasSize(holds);
    assertThat(state().holdCounts().get(HoldState.HELD)).isZero();
  }

  @Test
  void rulesAreStoredAndRemovedWithTheirAuditEntries() {
    StoredRule trust = StoredRule.of("r1", Rule.trust(RuleTarget.scope("@acme"), "ours"),
        "carol", T0);
    StoredRule deny = StoredRule.of("r2", Rule.deny(RuleTarget.publisher("mallory"), "hijacked"),
        "carol", T0);
    state().addRule(trust, new AuditEvent(T0, "carol", "rule-add", "trust @acme", "ours",
        Map.of()));
    state().addRule(deny, new AuditEvent(T0, "carol", "rule-add", "deny mallory", "hijacked",
        Map.of()));
    reopen();
    assertThat(state().rules()).containsExactlyInAnyOrder(trust, deny);

    state().removeRule("r1", new AuditEvent(T0.plusSeconds(1), "dave", "rule-remove",
        "trust @acme", "no longer ours", Map.of()));

    assertThat(state().rules()).containsExactly(deny);
    assertThat(auditEvents()).extracting(AuditEvent::action)
        .containsExactly("rule-add", "rule-add", "rule-remove");
  }

  @Test
  void aRuleIsRemovedAndAuditedOnlyIfItIsStored() {
    StoredRule trust = StoredRule.of("r1", Rule.trust(RuleTarget.scope("@acme"), "ours"),
        "carol", T0);
    state().addRule(trust, new AuditEvent(T0, "carol", "rule-add", "trust @acme", "ours",
        Map.of()));
    AuditEvent removal = new AuditEvent(T0.plusSeconds(1), "dave", "rule-remove", "trust @acme",
        "no longer ours", Map.of());

    assertThat(state().removeRuleIfPresent("r1", removal)).isTrue();
    assertThat(state().removeRuleIfPresent("r1", removal)).as("already removed").isFalse();
    assertThat(state().removeRuleIfPresent("never-stored", removal)).isFalse();

    assertThat(state().rules()).isEmpty();
    assertThat(auditEvents()).extracting(AuditEvent::action)
        .containsExactly("rule-add", "rule-remove");
  }

  @Test
  void publisherEvidenceIsStoredAndReplaced() {
    PublisherRecord first = PublisherRecord.firstSeen("alice", T0, T0.minusSeconds(3_600));
    state().savePublisher(first);
    assertThat(state().publisher("alice")).contains(first);
    assertThat(state().publisher("bob")).isEmpty();

    PublisherRecord searched = first.withSearch(12, T0.minusSeconds(86_400 * 400L), T0);
    state().savePublisher(searched);
    reopen();
    assertThat(state().publisher("alice")).contains(searched);
  }
}
