package dev.lazaret.proxy.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazaret.policy.AnalystDecision;
import dev.lazaret.proxy.testing.PrivatePostgres;
import dev.lazaret.storage.AuditEntry;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL quarantine state passes the contract against a real, private PostgreSQL (a fresh
 * database per test), refuses a schema newer than it understands, and is shared by two nodes.
 */
class PgQuarantineStateTest extends QuarantineStateContract {

  private PrivatePostgres postgres;
  private String database;
  private QuarantineState state;

  @BeforeEach
  void open() {
    postgres = PrivatePostgres.shared();
    database = postgres.newDatabase();
    state = PgQuarantineState.open(postgres.dataSource(database), "node-a");
  }

  @Override
  protected QuarantineState state() {
    return state;
  }

  @Override
  protected QuarantineState reopen() {
    state = PgQuarantineState.open(postgres.dataSource(database), "node-a");
    return state;
  }

  @Test
  void aDatabaseMigratedByANewerReleaseIsRefusedWithAClearMessage() throws Exception {
    DataSource ds = postgres.dataSource(database);
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      // What a later release's migration leaves in the history: a version this build lacks.
      s.execute("INSERT INTO " + PgSchema.HISTORY + " (installed_rank, version, description,"
          + " type, script, checksum, installed_by, execution_time, success) VALUES"
          + " (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'lazaret', 1,"
          + " true)");
    }

    assertThatThrownBy(() -> PgQuarantineState.open(ds, "node-a"))
        .isInstanceOf(PgSchema.SchemaTooNewException.class)
        .hasMessageContaining("migrated by a newer Lazaret")
        .hasMessageContaining("schema version 99 (from the future)")
        .hasMessageContaining("understands versions up to 2")
        .hasMessageContaining("Upgrade Lazaret");
  }

  @Test
  void anEmptyDatabaseIsMigratedOnceAndReopeningLeavesItAlone() throws Exception {
    reopen();
    reopen();
    try (Connection c = postgres.dataSource(database).getConnection();
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*) FROM " + PgSchema.HISTORY
            + " WHERE success AND version IS NOT NULL")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(2);
    }
  }

  @Test
  void twoNodesOnOneDatabaseShareHoldsAndExactlyOneOfTheirDecisionsWins() throws Exception {
    QuarantineState nodeA = state;
    QuarantineState nodeB = PgQuarantineState.open(postgres.dataSource(database), "node-b");
    int holds = 10;
    List<HoldRecord> records = new ArrayList<>();
    for (int i = 0; i < holds; i++) {
      records.add(hold("shared", "1.0." + i, HoldState.HELD, T0.plusSeconds(i)));
    }
    nodeA.saveHolds(records);

    assertThat(nodeB.hold("shared", "1.0.3")).contains(records.get(3));
    assertThat(nodeB.holdsIn(EnumSet.of(HoldState.HELD), null, 100))
        .containsExactlyElementsOf(records.reversed());
    assertThat(nodeB.holdCounts().get(HoldState.HELD)).isEqualTo((long) holds);

    ExecutorService analysts = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < holds; i++) {
        String version = "1.0." + i;
        CountDownLatch go = new CountDownLatch(1);
        Future<DecisionOutcome> onA = analysts.submit(() -> {
          go.await();
          return nodeA.decide(AnalystDecision.approve("shared", version, "carol",
              T0.plusSeconds(100), "fine"), false);
        });
        Future<DecisionOutcome> onB = analysts.submit(() -> {
          go.await();
          return nodeB.decide(AnalystDecision.reject("shared", version, "dave",
              T0.plusSeconds(100), "odd"), false);
        });
        go.countDown();
        List<DecisionOutcome> done = List.of(onA.get(30, TimeUnit.SECONDS),
            onB.get(30, TimeUnit.SECONDS));

        assertThat(done).filteredOn(o -> o instanceof DecisionOutcome.Decided).hasSize(1);
        assertThat(done).filteredOn(o -> o instanceof DecisionOutcome.Refused).hasSize(1);
        HoldRecord onAView = nodeA.hold("shared", version).orElseThrow();
        assertThat(nodeB.hold("shared", version)).contains(onAView);
        assertThat(onAView.state()).isEqualTo(onAView.decision().approved()
            ? HoldState.APPROVED : HoldState.REJECTED);
      }
    } finally {
      analysts.shutdownNow();
    }
    // Each node's audit is the one log: both attempts about every hold, numbered without gaps.
    List<AuditEntry> entries = nodeB.audit().after(0, 1_000);
    assertThat(entries).extracting(AuditEntry::sequence)
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 2L * holds)
            .boxed().toList());
    assertThat(nodeA.audit().lastSequence()).isEqualTo(2L * holds);
    List<AuditEvent> events = entries.stream().map(e -> AuditEvent.decode(e.payload())).toList();
    for (int i = 0; i < holds; i++) {
      String target = "shared@1.0." + i;
      List<String> actions = events.stream().filter(e -> e.target().equals(target))
          .map(AuditEvent::action).sorted().toList();
      assertThat(actions).as("audit of %s", target).isIn(
          List.of("approve", "reject-refused"), List.of("approve-refused", "reject"));
    }
    assertThat(nodeA.holdCounts().get(HoldState.HELD)).isZero();

    // Rules and publisher evidence are shared the same way.
    StoredRule deny = StoredRule.of("r1", dev.lazaret.policy.Rule.deny(
        dev.lazaret.policy.RuleTarget.publisher("mallory"), "hijacked"), "carol", T0);
    nodeA.addRule(deny, new AuditEvent(T0, "carol", "rule-add", "deny mallory", "hijacked",
        java.util.Map.of()));
    PublisherRecord alice = PublisherRecord.firstSeen("alice", T0, T0.minusSeconds(60));
    nodeB.savePublisher(alice);
    assertThat(nodeB.rules()).containsExactly(deny);
    assertThat(nodeA.publisher("alice")).contains(alice);
    assertThat(nodeB.audit().lastSequence()).isEqualTo(2L * holds + 1);
  }

  @Test
  void everyAuditEntryNamesTheNodeThatWroteIt() {
    QuarantineState nodeB = PgQuarantineState.open(postgres.dataSource(database), "node-b");
    state.saveHolds(List.of(hold("left-pad", "1.3.0", HoldState.HELD, T0)));
    state.decide(AnalystDecision.approve("left-pad", "1.3.0", "carol", T0, "fine"), false);
    nodeB.decide(AnalystDecision.reject("left-pad", "1.3.0", "dave", T0, "odd"), false);
    nodeB.addRule(StoredRule.of("r1", dev.lazaret.policy.Rule.deny(
        dev.lazaret.policy.RuleTarget.publisher("mallory"), "hijacked"), "dave", T0),
        new AuditEvent(T0, "dave", "rule-add", "deny mallory", "hijacked", java.util.Map.of()));
    state.removeRule("r1", new AuditEvent(T0, "carol", "rule-remove", "deny mallory", "over",
        java.util.Map.of("why", "kept")));

    List<AuditEvent> events = state.audit().after(0, 10).stream()
        .map(e -> AuditEvent.decode(e.payload())).toList();
    assertThat(events).extracting(AuditEvent::action, e -> e.details().get("node"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("approve", "node-a"),
            org.assertj.core.groups.Tuple.tuple("reject-refused", "node-b"),
            org.assertj.core.groups.Tuple.tuple("rule-add", "node-b"),
            org.assertj.core.groups.Tuple.tuple("rule-remove", "node-a"));
    assertThat(events.get(1).details()).containsEntry("decidedBy", "carol");
    assertThat(events.get(3).details()).containsEntry("why", "kept");
  }

  @Test
  void twoNodesWritingTheSameNewHoldsInOppositeOrdersBothSucceedAndTheCountsAgree()
      throws Exception {
    QuarantineState nodeA = state;
    QuarantineState nodeB = PgQuarantineState.open(postgres.dataSource(database), "node-b");
    int rounds = 30;
    ExecutorService judges = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < rounds; round++) {
        // Two judgements of one packument on two nodes: the same brand-new versions, listed in
        // opposite orders, in different states; rows are inserted, not yet there to lock.
        List<HoldRecord> onA = new ArrayList<>();
        List<HoldRecord> onB = new ArrayList<>();
        for (int v = 0; v < 4; v++) {
          onA.add(hold("race-" + round, "1.0." + v, HoldState.HELD, T0));
          onB.add(hold("race-" + round, "1.0." + v, HoldState.BLOCKED, T0));
        }
        CountDownLatch go = new CountDownLatch(1);
        Future<List<HoldRecord>> a = judges.submit(() -> {
          go.await();
          return nodeA.saveHolds(onA);
        });
        Future<List<HoldRecord>> b = judges.submit(() -> {
          go.await();
          return nodeB.saveHolds(onB.reversed());
        });
        go.countDown();
        assertThat(a.get(30, TimeUnit.SECONDS)).hasSize(4);
        assertThat(b.get(30, TimeUnit.SECONDS)).hasSize(4);
      }
    } finally {
      judges.shutdownNow();
    }
    long held = nodeA.holdsIn(EnumSet.of(HoldState.HELD), null, 1_000).size();
    long blocked = nodeA.holdsIn(EnumSet.of(HoldState.BLOCKED), null, 1_000).size();
    assertThat(held + blocked).isEqualTo(rounds * 4L);
    assertThat(nodeB.holdCounts()).containsEntry(HoldState.HELD, held)
        .containsEntry(HoldState.BLOCKED, blocked);
  }

  @Test
  void aPageOfHoldsStartsInTheIndexInsteadOfFilteringEveryRowBeforeIt() throws Exception {
    List<HoldRecord> many = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      many.add(hold("many-" + i % 50, "1.0." + i, HoldState.values()[i % 5],
          T0.plusSeconds(i / 3)));
    }
    state.saveHolds(many);
    try (Connection c = postgres.dataSource(database).getConnection();
        Statement s = c.createStatement()) {
      s.execute("ANALYZE holds");
      // Rule out the plans a small table may get anyway; what is left shows how the page's
      // start is applied: as an index condition, or as a filter over every row before it.
      s.execute("SET enable_seqscan = off");
      s.execute("SET enable_bitmapscan = off");
      s.execute("SET enable_sort = off");
      var explain = c.prepareStatement("EXPLAIN " + PgQuarantineState.holdsInQuery(2, true));
      int i = 1;
      for (HoldState state : List.of(HoldState.HELD, HoldState.RELEASED)) {
        explain.setString(i++, state.name());
        explain.setLong(i++, -T0.plusSeconds(300).getEpochSecond());
        explain.setInt(i++, 0);
        explain.setString(i++, "many-1");
        explain.setString(i++, "1.0.1");
        explain.setInt(i++, 10);
      }
      explain.setInt(i, 10);
      StringBuilder plan = new StringBuilder();
      try (var rs = explain.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      assertThat(plan.toString()).as("plan:%n%s", plan)
          .contains("holds_by_state_time")
          .containsPattern("Index Cond: .*state = .*ROW\\(")
          .doesNotContain("Filter:");
    }
  }
}
