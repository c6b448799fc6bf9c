package dev.lazaret.proxy.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.lazaret.policy.AnalystDecision;
import dev.lazaret.policy.Rule;
import dev.lazaret.policy.RuleTarget;
import dev.lazaret.proxy.testing.PrivatePostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The clustered state as a node opens it, against the private PostgreSQL: announcements reach the
 * other nodes' change feeds, the feed reconnects and resyncs after losing its connection, a
 * database that cannot be reached fails calls as unavailable (and is seen again without traffic),
 * and a database that cannot be reached at start is one clear line naming no password.
 */
class PgStateTest {

  private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");
  /** Generous bound for what involves reconnecting; the acceptance's is 10 s. */
  private static final Duration RECONNECT = Duration.ofSeconds(10);

  private PrivatePostgres postgres;
  private String database;
  private final List<AutoCloseable> opened = new ArrayList<>();

  @BeforeEach
  void createDatabase() {
    postgres = PrivatePostgres.shared();
    database = postgres.newDatabase();
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : opened.reversed()) {
      c.close();
    }
  }

  private String url(int port) {
    return "postgresql://" + PrivatePostgres.USER + "@127.0.0.1:" + port + "/" + database;
  }

  private PgState open(String node) {
    return open(url(postgres.port()), node, PgChangeFeed.RESYNC_EVERY);
  }

  private PgState open(String url, String node, Duration resync) {
    PgState state = PgState.open(url, null, node, resync);
    opened.add(state);
    return state;
  }

  /** Records what the feed delivers, in order. */
  private static final class Recorder implements StateChanges.Listener {
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    @Override
    public void decisionChanged(String packageName) {
      events.add("decision " + packageName);
    }

    @Override
    public void rulesChanged() {
      events.add("rules");
    }

    @Override
    public void resync() {
      events.add("resync");
    }

    /** Waits for {@code event} (skipping others) at most {@code within}. */
    void await(String event, Duration within) throws InterruptedException {
      long deadline = System.nanoTime() + within.toNanos();
      List<String> seen = new ArrayList<>();
      for (long left = within.toNanos(); left > 0; left = deadline - System.nanoTime()) {
        String e = events.poll(left, TimeUnit.NANOSECONDS);
        if (event.equals(e)) {
          return;
        }
        if (e != null) {
          seen.add(e);
        }
      }
      fail("no '" + event + "' within " + within + "; saw " + seen);
    }
  }

  private static void await(String what, BooleanSupplier condition, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        fail(what + " not within " + within);
      }
      // PostgreSQL is another process: poll it, briefly.
      java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  /** Starts {@code state}'s feed and waits for its first resync: it is listening from then. */
  private static Recorder listening(PgState state) throws InterruptedException {
    Recorder recorder = new Recorder();
    state.changes().start(recorder);
    recorder.await("resync", RECONNECT);
    assertThat(state.changes().connected()).isTrue();
    return recorder;
  }

  @Test
  void aDecisionOrRuleChangeOnOneNodeReachesTheOtherNodesFeedWithinOneSecond() throws Exception {
    PgState nodeA = open("a");
    PgState nodeB = open("b");
    Recorder onB = listening(nodeB);
    nodeA.state().saveHolds(List.of(held("left-pad", "1.3.0")));

    nodeA.state().decide(AnalystDecision.approve("left-pad", "1.3.0", "carol",
        T0.plusSeconds(30), "fine"), false);
    onB.await("decision left-pad", Duration.ofSeconds(1));

    nodeA.state().addRule(StoredRule.of("r1", Rule.deny(RuleTarget.publisher("mallory"),
        "hijacked"), "carol", T0), new AuditEvent(T0, "carol", "rule-add", "deny mallory",
        "hijacked", Map.of()));
    onB.await("rules", Duration.ofSeconds(1));

    nodeA.state().removeRule("r1", new AuditEvent(T0, "carol", "rule-remove", "deny mallory",
        "over", Map.of()));
    onB.await("rules", Duration.ofSeconds(1));
  }

  @Test
  void aNameTooLongForAnAnnouncementStillDecidesAndAsksTheOtherNodesToResync()
      throws Exception {
    PgState nodeA = open("a");
    PgState nodeB = open("b");
    Recorder onB = listening(nodeB);
    String huge = "x".repeat(9_000); // beyond NOTIFY's 8000-byte payload

    DecisionOutcome outcome = nodeA.state().decide(AnalystDecision.reject(huge, "1.0.0", "carol",
        T0, "no"), false);

    assertThat(outcome).isInstanceOf(DecisionOutcome.Decided.class);
    onB.await("resync", Duration.ofSeconds(1));
  }

  @Test
  void theFeedReconnectsAfterLosingItsConnectionAndResyncs() throws Exception {
    PgState nodeA = open("a");
    PgState nodeB = open("b");
    Recorder onB = listening(nodeB);

    assertThat(terminate("lazaret-b-changes")).isEqualTo(1);

    onB.await("resync", RECONNECT);
    await("feed connected again", nodeB.changes()::connected, RECONNECT);
    assertThat(nodeB.state().reachable()).isTrue();
    // And it hears announcements again.
    nodeA.state().decide(AnalystDecision.reject("evil", "6.6.6", "carol", T0, "malware"), false);
    onB.await("decision evil", Duration.ofSeconds(1));
  }

  @Test
  void aListenerThatThrowsDoesNotStopTheFeed() throws Exception {
    PgState nodeA = open("a");
    PgState nodeB = open("b");
    Recorder recorder = new Recorder();
    nodeB.changes().start(new StateChanges.Listener() {
      @Override
      public void decisionChanged(String packageName) {
        recorder.decisionChanged(packageName);
        if (packageName.equals("first")) {
          throw new IllegalStateException("listener bug");
        }
      }

      @Override
      public void rulesChanged() {
        recorder.rulesChanged();
      }

      @Override
      public void resync() {
        recorder.resync();
        throw new IllegalStateException("resync bug");
      }
    });
    recorder.await("resync", RECONNECT);

    nodeA.state().decide(AnalystDecision.reject("first", "1.0.0", "carol", T0, "no"), false);
    recorder.await("decision first", Duration.ofSeconds(1));
    nodeA.state().decide(AnalystDecision.reject("second", "1.0.0", "carol", T0, "no"), false);
    recorder.await("decision second", Duration.ofSeconds(1));
    assertThat(nodeB.changes().connected()).isTrue();
  }

  @Test
  void theFeedAlsoResyncsPeriodically() throws Exception {
    PgState node = open(url(postgres.port()), "a", Duration.ofMillis(200));
    Recorder recorder = listening(node);

    recorder.await("resync", Duration.ofSeconds(2));
    recorder.await("resync", Duration.ofSeconds(2));
  }

  @Test
  void closingStopsTheFeed() throws Exception {
    PgState node = open("a");
    listening(node);

    node.close();

    assertThat(node.changes().connected()).isFalse();
    assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
        .doesNotContain("lazaret-state-changes");
  }

  @Test
  void anUnreachableDatabaseFailsCallsAsUnavailableAndIsSeenAgainWithoutTraffic()
      throws Exception {
    try (TcpRelay relay = new TcpRelay(postgres.port())) {
      PgState node = open(url(relay.port()), "a", PgChangeFeed.RESYNC_EVERY);
      Recorder recorder = listening(node);
      node.state().hold("left-pad", "1.3.0");
      assertThat(node.state().reachable()).isTrue();

      relay.cut();

      // The pooled connections fail first (reset), then the pool finds no new one in time.
      boolean poolTimedOut = false;
      for (int call = 0; call < 2 * PgState.POOL_SIZE && !poolTimedOut; call++) {
        long before = System.nanoTime();
        StateUnavailableException e = catchUnavailable(() -> node.state().hold("left-pad",
            "1.3.0"));
        assertThat(e).hasMessageStartingWith(StateUnavailableException.MESSAGE);
        // Bounded by the pool's connection timeout, not the driver's or the OS's.
        assertThat(Duration.ofNanos(System.nanoTime() - before))
            .isLessThan(PgState.CONNECTION_TIMEOUT.plusSeconds(3));
        assertThat(node.state().reachable()).isFalse();
        poolTimedOut = e.getCause() instanceof java.sql.SQLTransientConnectionException;
      }
      assertThat(poolTimedOut).as("the pool's own timeout was reached").isTrue();
      await("feed disconnected", () -> !node.changes().connected(), RECONNECT);
      // Writes fail the same way (admin writes answer 503).
      assertThatThrownBy(() -> node.state().decide(AnalystDecision.approve("left-pad", "1.3.0",
          "carol", T0, "fine"), false)).isInstanceOf(StateUnavailableException.class);
      assertThatThrownBy(() -> node.removedVersions().forPackage("left-pad"))
          .isInstanceOf(StateUnavailableException.class);

      relay.restore();

      // No call is made: the feed's reconnection shows the database reachable again.
      await("reachable again", node.state()::reachable, RECONNECT);
      recorder.await("resync", RECONNECT);
      // The pool reconnects too (with a backoff of its own, capped at 5 s).
      await("the pool serves calls again", () -> {
        try {
          return node.state().hold("left-pad", "1.3.0").isEmpty();
        } catch (StateUnavailableException e) {
          return false;
        }
      }, RECONNECT);
      assertThat(node.state().reachable()).isTrue();
    }
  }

  @Test
  void statementErrorsAreNotMistakenForAnUnreachableDatabase() throws Exception {
    PgState node = open("a");
    try (Connection c = postgres.dataSource(database).getConnection()) {
      c.createStatement().execute("DROP TABLE publishers");
    }

    assertThatThrownBy(() -> node.state().publisher("alice"))
        .isInstanceOf(dev.lazaret.storage.StoreException.class)
        .isNotInstanceOf(StateUnavailableException.class);
    assertThat(node.state().reachable()).isTrue();
  }

  @Test
  void aDatabaseUnreachableAtStartIsOneClearLineWithoutThePassword() {
    int closedPort = closedPort();
    String url = "postgresql://lazaret:s3cret-pw@127.0.0.1:" + closedPort + "/lazaret";

    long before = System.nanoTime();
    assertThatThrownBy(() -> PgState.open(url, null, "a"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot reach the quarantine state database at postgresql://"
            + "lazaret:***@127.0.0.1:" + closedPort + "/lazaret")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret-pw")
            .doesNotContain("\n"));
    assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(10));
    assertThatThrownBy(() -> PgState.open(url.replace(":s3cret-pw", ""), "s3cret-pw", "a"))
        .isInstanceOf(IllegalStateException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret-pw"));
  }

  @Test
  void connectionsCarryTheNodeNameAndCallsAreCounted() throws Exception {
    PgState node = open("node-7");
    long start = node.transactions();

    node.state().hold("left-pad", "1.3.0");
    node.state().decide(AnalystDecision.approve("left-pad", "1.3.0", "carol", T0, "ok"), false);
    node.removedVersions().forPackage("left-pad");

    assertThat(node.transactions() - start).isEqualTo(3);
    assertThat(node).hasToString("PostgreSQL at " + url(postgres.port()));
    try (Connection c = postgres.dataSource(database).getConnection();
        PreparedStatement q = c.prepareStatement("SELECT count(*) FROM pg_stat_activity"
            + " WHERE datname = ? AND application_name = 'lazaret-node-7'")) {
      q.setString(1, database);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        assertThat(rs.getInt(1)).isPositive();
      }
    }
  }

  @Test
  void aNewerSchemaIsRefusedAtOpen() throws Exception {
    open("a").close();
    try (Connection c = postgres.dataSource(database).getConnection()) {
      c.createStatement().execute("INSERT INTO " + PgSchema.HISTORY + " (installed_rank,"
          + " version, description, type, script, checksum, installed_by, execution_time,"
          + " success) VALUES (99, '99', 'from the future', 'SQL', 'V99__x.sql', 0, 'lazaret',"
          + " 1, true)");
    }

    assertThatThrownBy(() -> PgState.open(url(postgres.port()), null, "a"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("schema version 99")
        .hasMessageContaining("understands versions up to 2")
        .hasMessageContaining("Upgrade Lazaret");
  }

  private static StateUnavailableException catchUnavailable(Runnable call) {
    try {
      call.run();
    } catch (StateUnavailableException e) {
      return e;
    }
    return fail("the call succeeded although the database is cut off");
  }

  private static HoldRecord held(String name, String version) {
    return new HoldRecord(name, version, "alice", T0.minusSeconds(60), "default", HoldState.HELD,
        false, T0.plusSeconds(86_400), T0, T0, List.of("held for a day"), List.of(), null, null);
  }

  /** Terminates the backends with {@code applicationName}; returns how many. */
  private int terminate(String applicationName) throws Exception {
    try (Connection c = postgres.dataSource(database).getConnection();
        PreparedStatement q = c.prepareStatement("SELECT count(pg_terminate_backend(pid))"
            + " FROM pg_stat_activity WHERE application_name = ? AND datname = ?")) {
      q.setString(1, applicationName);
      q.setString(2, database);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static int closedPort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
