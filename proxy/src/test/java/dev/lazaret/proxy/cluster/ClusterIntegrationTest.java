package dev.lazaret.proxy.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazaret.proxy.cluster.LazaretCluster.Node;
import dev.lazaret.proxy.cluster.NodeHttp.Answer;
import dev.lazaret.proxy.testing.CommandResult;
import dev.lazaret.proxy.testing.Corpus;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.NpmCli;
import dev.lazaret.proxy.testing.PackageGenerator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 11's acceptance, on real processes: two Lazaret nodes sharing one quarantine state in a
 * private PostgreSQL, behind a private haproxy, in front of one fake upstream, driven over HTTP
 * and by the real npm CLI. The steps share the cluster and run in order; the last ones kill node
 * a and stop PostgreSQL.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ClusterIntegrationTest {

  private static final Duration YEAR = Duration.ofDays(365);
  /** The acceptance's bound: a decision on one node is served by the others within 1 s. */
  private static final Duration DECISION_PROPAGATION = Duration.ofSeconds(1);
  /** The acceptance's bound: a node recovers within 10 s of PostgreSQL coming back. */
  private static final Duration RECOVERY = Duration.ofSeconds(10);
  /** Hold records are written in the background: how long one may take to appear. */
  private static final Duration HOLD_RECORDED = Duration.ofSeconds(10);
  private static final int WARM_REQUESTS = 2_000;
  private static final int WARM_THREADS = 4;
  private static final int MAX_WARM_TRANSACTIONS = 20;
  /**
   * PostgreSQL publishes an idle session's transaction counts up to 10 s late
   * (PGSTAT_IDLE_INTERVAL): a count read that long after a moment includes all before it.
   */
  private static final Duration STATS_SETTLED = Duration.ofMillis(10_500);

  private final String run = letters(6);
  private final PackageGenerator gen = PackageGenerator.seeded(11).at(Instant.now());
  private final NodeHttp http = new NodeHttp();
  private GeneratedPackage held;
  private GeneratedPackage contested;
  private GeneratedPackage unseen;
  private Corpus warm;
  private Corpus installed;
  private FakeUpstream upstream;
  private LazaretCluster cluster;

  @BeforeAll
  void startCluster() {
    held = recentlyPublished("held-" + run);
    contested = recentlyPublished("contested-" + run);
    unseen = gen.pkg("unseen-" + run).version("1.0.0", v -> v.publishedAgo(YEAR)).done();
    warm = gen.corpus("w" + run);
    installed = gen.corpus("i" + run);
    upstream = FakeUpstream.start().publish(held, contested, unseen).publish(warm)
        .publish(installed);
    cluster = LazaretCluster.start(upstream);
  }

  @AfterAll
  void stopCluster() throws Exception {
    if (cluster != null) {
      // What the nodes and haproxy said, for whoever reads a failure (the processes go now).
      Path logs = Files.createDirectories(Path.of("target", "cluster-it"));
      Files.writeString(logs.resolve("cluster.log"), cluster.logs());
      System.err.println("cluster: node and haproxy logs in " + logs.toAbsolutePath());
      cluster.close();
    }
    if (upstream != null) {
      upstream.close();
    }
  }

  /** An old version, and a newest one published an hour ago by an account never seen before. */
  private GeneratedPackage recentlyPublished(String name) {
    return gen.pkg(name).maintainer("maria")
        .version("1.0.0", v -> v.publishedAgo(YEAR))
        .version("1.1.0", v -> v.publishedAgo(Duration.ofHours(1)).publishedBy("x" + letters(9)))
        .done();
  }

  @Test
  @Order(1)
  void aHoldCreatedByNodeAIsListedByNodeB() {
    assertThat(versions(packument(cluster.a(), held.name()))).containsExactly("1.0.0");

    JsonNode hold = awaitHold(cluster.b(), held.name(), "1.1.0");

    assertThat(hold.path("state").asText()).as(hold::toString).isEqualTo("held");
  }

  @Test
  @Order(2)
  void anApproveOnAIsServedByBWithinOneSecond() {
    awaitHold(cluster.a(), held.name(), "1.1.0");
    // B has judged the package (and cached its verdict) before the decision.
    assertThat(versions(packument(cluster.b(), held.name()))).doesNotContain("1.1.0");

    Answer approve = decide(cluster.a(), LazaretCluster.ALICE, held.name(), "approve",
        "release fix, reviewed");
    long approved = System.nanoTime();

    assertThat(approve.status()).as(approve::toString).isEqualTo(200);
    assertThat(approve.json().path("state").asText()).as(approve::toString).isEqualTo("approved");
    JsonNode served = Polling.until(DECISION_PROPAGATION, "B serves " + held.name() + "@1.1.0",
        () -> packument(cluster.b(), held.name()), p -> versions(p).contains("1.1.0"));
    Duration took = Duration.ofNanos(System.nanoTime() - approved);
    System.err.printf("cluster: B served the version approved on A after %d ms%n",
        took.toMillis());
    Answer tarball = http.get(tarballUrl(served, "1.1.0"), null);
    assertThat(tarball.status()).as(tarball::toString).isEqualTo(200);
    assertThat(tarball.body()).isEqualTo(held.version("1.1.0").tarball().bytes());
  }

  @Test
  @Order(3)
  void bsAuditShowsTheApproveMadeOnA() {
    JsonNode entry = Polling.until(Duration.ofSeconds(5), "B's audit shows the approve",
        () -> auditOf(cluster.b(), held.name() + "@1.1.0"),
        entries -> entries.stream().anyMatch(e -> e.path("action").asText().equals("approve")))
        .stream().filter(e -> e.path("action").asText().equals("approve")).findFirst()
        .orElseThrow();

    assertThat(entry.path("actor").asText()).as(entry::toString).isEqualTo("alice");
    assertThat(entry.path("reason").asText()).as(entry::toString)
        .isEqualTo("release fix, reviewed");
    assertThat(entry.path("details").path("node").asText()).as(entry::toString).isEqualTo("a");
  }

  @Test
  @Order(4)
  void twoAnalystsDecidingOneHoldOnTwoNodesAtOnceOneWinsTheOtherGets409() throws Exception {
    packument(cluster.a(), contested.name());
    awaitHold(cluster.a(), contested.name(), "1.1.0");
    awaitHold(cluster.b(), contested.name(), "1.1.0");

    CountDownLatch go = new CountDownLatch(1);
    Answer[] answers = new Answer[2];
    try (ExecutorService analysts = Executors.newFixedThreadPool(2)) {
      Future<Answer> alice = analysts.submit(() -> {
        go.await();
        return decide(cluster.a(), LazaretCluster.ALICE, contested.name(), "approve", "looks fine");
      });
      Future<Answer> bob = analysts.submit(() -> {
        go.await();
        return decide(cluster.b(), LazaretCluster.BOB, contested.name(), "reject", "suspicious");
      });
      go.countDown();
      answers[0] = alice.get(30, TimeUnit.SECONDS);
      answers[1] = bob.get(30, TimeUnit.SECONDS);
    }

    List<Integer> statuses = List.of(answers[0].status(), answers[1].status());
    assertThat(statuses).as("%s\n%s", answers[0], answers[1]).containsExactlyInAnyOrder(200, 409);
    boolean aliceWon = answers[0].status() == 200;
    Answer lost = aliceWon ? answers[1] : answers[0];
    assertThat(lost.json().path("error").asText()).as(lost::toString)
        .contains("was already " + (aliceWon ? "approved by alice" : "rejected by bob"));

    String won = aliceWon ? "approve" : "reject";
    String refused = (aliceWon ? "reject" : "approve") + "-refused";
    List<JsonNode> entries = Polling.until(Duration.ofSeconds(5), "both attempts audited",
        () -> auditOf(cluster.a(), contested.name() + "@1.1.0"), e -> e.size() >= 2);
    Map<String, JsonNode> byAction = entries.stream()
        .collect(Collectors.toMap(e -> e.path("action").asText(), e -> e, (x, y) -> x));
    assertThat(byAction.keySet()).as(entries::toString).containsExactlyInAnyOrder(won, refused);
    assertThat(byAction.get(won).path("details").path("node").asText())
        .isEqualTo(aliceWon ? "a" : "b");
    assertThat(byAction.get(refused).path("details").path("node").asText())
        .as(entries::toString).isEqualTo(aliceWon ? "b" : "a");
    assertThat(byAction.get(refused).path("details").path("decidedBy").asText())
        .isEqualTo(aliceWon ? "alice" : "bob");
  }

  @Test
  @Order(5)
  void killingNodeAInTheMiddleOfAnNpmInstallThroughHaproxyDoesNotFailTheInstall()
      throws Exception {
    Node a = cluster.a();
    // Slow enough that the install is still running when node a dies.
    upstream.delay(Duration.ofMillis(150));
    try (NpmCli npm = NpmCli.against(cluster.haproxy().url())) {
      npm.timeout(Duration.ofSeconds(75));
      CompletableFuture<CommandResult> install = CompletableFuture.supplyAsync(
          () -> npm.install(installed.root()), task -> Thread.ofVirtual().start(task));

      // Its access log says when node a has served part of the install: kill it then.
      Polling.until(Duration.ofSeconds(60), "node a serves part of the install",
          () -> a.process().log().contains("i" + run), served -> served || install.isDone());
      assertThat(install.isDone()).as("the install ended before node a could be killed: %s",
          install.getNow(null)).isFalse();
      a.kill();
      System.err.println("cluster: killed node a (kill -9) during npm install");

      CommandResult result = install.get(80, TimeUnit.SECONDS);
      assertThat(result.succeeded()).as("%s\nhaproxy:\n%s", result.describe(),
          cluster.haproxy().log()).isTrue();
      assertThat(npm.requireTree(installed.root())).isEqualTo(installed.expectedTree());
    } finally {
      upstream.heal();
    }
  }

  @Test
  @Order(6)
  void twoThousandWarmRequestsToBCauseFewerThanTwentyDatabaseTransactions() throws Exception {
    List<URI> uris = warmUp(cluster.b());
    // Reading /metrics queries the state too (the lazaret_holds gauge): measured, to report
    // what the requests themselves cost.
    double scraped = stateQueries(cluster.b());
    double queriesBefore = stateQueries(cluster.b());
    double perScrape = queriesBefore - scraped;
    // Everything so far (the warm-up, its background writes, the scrapes) is not the warm
    // requests' doing: counted before, once PostgreSQL has published it.
    long transactionsBefore = transactionsFlushedBy(System.nanoTime() + STATS_SETTLED.toNanos());

    int[] statuses = warmRequests(uris);

    double queriesAfter = stateQueries(cluster.b());
    long transactionsAfter = transactionsFlushedBy(System.nanoTime() + STATS_SETTLED.toNanos());
    double queries = queriesAfter - queriesBefore;
    long transactions = transactionsAfter - transactionsBefore;
    System.err.printf("cluster: %d warm requests to B: %.0f state queries on B's metric (%.0f of"
        + " them by reading /metrics), %d database transactions (pg_stat_database)%n",
        WARM_REQUESTS, queries, perScrape, transactions);
    assertThat(statuses[200]).as("answered 200").isEqualTo(WARM_REQUESTS);
    assertThat(queries).as("lazaret_state_queries_total on B").isLessThan(MAX_WARM_TRANSACTIONS);
    assertThat(transactions).as("xact_commit + xact_rollback of " + cluster.database())
        .isLessThan(MAX_WARM_TRANSACTIONS);
  }

  @Test
  @Order(7)
  void withPostgresqlDownBServesCachedContentFailsClosedAndRecoversWhenItIsBack() {
    Node b = cluster.b();
    JsonNode cachedPackument = packument(b, warm.root());
    URI cachedTarball = tarballUrl(cachedPackument,
        cachedPackument.path("dist-tags").path("latest").asText());

    cluster.postgres().stop();
    try {
      Answer packument = http.get(b.registry(warm.root()), null);
      assertThat(packument.status()).as(packument::toString).isEqualTo(200);
      assertThat(http.get(cachedTarball, null).status()).isEqualTo(200);
      Answer neverJudged = http.get(b.registry(unseen.name()), null);
      assertThat(neverJudged.status()).as(neverJudged::toString).isEqualTo(503);
      assertThat(neverJudged.json().path("error").asText()).as(neverJudged::toString)
          .contains("quarantine state is unavailable");
      Answer write = overrule(b);
      assertThat(write.status()).as(write::toString).isEqualTo(503);
      assertThat(write.json().path("error").asText()).as(write::toString)
          .contains("quarantine state is unavailable");
      // Ready stays 200 (every node shares the database: out of the balancer, all would be).
      Answer ready = Polling.until(RECOVERY, "B's ready says the state is unreachable",
          () -> http.get(b.admin("-/ready"), null),
          r -> r.json().path("state").asText().equals("unreachable"));
      assertThat(ready.status()).as(ready::toString).isEqualTo(200);
    } finally {
      cluster.postgres().start();
    }
    long back = System.nanoTime();

    Polling.until(RECOVERY, "B's ready says the state is ok again",
        () -> http.get(b.admin("-/ready"), null),
        r -> r.json().path("state").asText().equals("ok"));
    System.err.printf("cluster: B saw PostgreSQL back after %d ms%n",
        Duration.ofNanos(System.nanoTime() - back).toMillis());
    Answer write = overrule(b);
    assertThat(write.status()).as(write::toString).isEqualTo(200);
    assertThat(b.process().isAlive()).isTrue();
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** An admin write on {@code node}: the contested hold decided again, replacing the decision. */
  private Answer overrule(Node node) {
    return http.post(node.admin("api/holds/" + contested.name() + "/1.1.0/approve"),
        LazaretCluster.OPS, "{\"reason\": \"overruled after review\", \"replace\": true}");
  }

  private Answer decide(Node node, String token, String name, String action, String reason) {
    return http.post(node.admin("api/holds/" + name + "/1.1.0/" + action), token,
        "{\"reason\": \"" + reason + "\"}");
  }

  private JsonNode packument(Node node, String name) {
    Answer answer = http.get(node.registry(name), null);
    assertThat(answer.status()).as("%s%s", answer, cluster.logs()).isEqualTo(200);
    return answer.json();
  }

  private static List<String> versions(JsonNode packument) {
    List<String> versions = new ArrayList<>();
    packument.path("versions").fieldNames().forEachRemaining(versions::add);
    return versions;
  }

  private static URI tarballUrl(JsonNode packument, String version) {
    return URI.create(packument.path("versions").path(version).path("dist").path("tarball")
        .asText());
  }

  /** The hold as {@code node}'s {@code GET /api/holds} lists it, once it is recorded. */
  private JsonNode awaitHold(Node node, String name, String version) {
    JsonNode page = Polling.until(HOLD_RECORDED, "node " + node.name() + " lists the hold of "
        + name + "@" + version, () -> adminJson(node, "api/holds?limit=100"),
        p -> findHold(p, name, version) != null);
    return findHold(page, name, version);
  }

  private static JsonNode findHold(JsonNode page, String name, String version) {
    for (JsonNode h : page.path("items")) {
      if (h.path("package").asText().equals(name) && h.path("version").asText().equals(version)) {
        return h;
      }
    }
    return null;
  }

  /** {@code node}'s audit entries about {@code target} ({@code name@version}), oldest first. */
  private List<JsonNode> auditOf(Node node, String target) {
    List<JsonNode> entries = new ArrayList<>();
    for (JsonNode e : adminJson(node, "api/audit?limit=1000").path("items")) {
      if (e.path("target").asText().equals(target)) {
        entries.add(e);
      }
    }
    return entries;
  }

  private JsonNode adminJson(Node node, String path) {
    Answer answer = http.get(node.admin(path), LazaretCluster.OPS);
    assertThat(answer.status()).as(answer::toString).isEqualTo(200);
    return answer.json();
  }

  /**
   * Fetches every warm package's packument and latest tarball through {@code node} until both
   * answer from the node's caches; returns their URLs.
   */
  private List<URI> warmUp(Node node) {
    List<URI> uris = new ArrayList<>();
    for (GeneratedPackage p : warm.packages()) {
      JsonNode packument = packument(node, p.name());
      URI tarball = tarballUrl(packument, packument.path("dist-tags").path("latest").asText());
      assertThat(http.get(tarball, null).status()).isEqualTo(200);
      uris.add(node.registry(p.name()));
      uris.add(tarball);
    }
    return uris;
  }

  /** {@link #WARM_REQUESTS} GETs over {@code uris}, from a few keep-alive clients; statuses. */
  private int[] warmRequests(List<URI> uris) throws Exception {
    int[] statuses = new int[600];
    List<Future<int[]>> workers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(WARM_THREADS)) {
      for (int t = 0; t < WARM_THREADS; t++) {
        int first = t;
        workers.add(pool.submit(() -> {
          NodeHttp client = new NodeHttp();
          int[] seen = new int[600];
          for (int i = first; i < WARM_REQUESTS; i += WARM_THREADS) {
            seen[client.get(uris.get(i % uris.size()), null).status()]++;
          }
          return seen;
        }));
      }
      for (Future<int[]> w : workers) {
        int[] seen = w.get(60, TimeUnit.SECONDS);
        for (int s = 0; s < seen.length; s++) {
          statuses[s] += seen[s];
        }
      }
    }
    return statuses;
  }

  /** {@code lazaret_state_queries_total} on {@code node}'s {@code /metrics}, summed over labels. */
  private double stateQueries(Node node) {
    Answer metrics = http.get(node.admin("metrics"), LazaretCluster.OPS);
    assertThat(metrics.status()).as(metrics::toString).isEqualTo(200);
    List<String> lines = metrics.text().lines()
        .filter(l -> l.startsWith("lazaret_state_queries_total")).toList();
    assertThat(lines).as("node %s's /metrics has lazaret_state_queries_total", node.name())
        .isNotEmpty();
    return lines.stream().mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  /**
   * The count as PostgreSQL shows it at {@code nanoTime}, when every transaction committed before
   * now has been published (however busy the nodes are after now; those count too).
   */
  private long transactionsFlushedBy(long nanoTime) {
    String sql = "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = ?";
    try (Connection c = DriverManager.getConnection(
        cluster.postgres().cluster().jdbcUrl("postgres"), "lazaret", "");
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, cluster.database());
      Polling.until(STATS_SETTLED.plusSeconds(5), "PostgreSQL publishes the counts",
          System::nanoTime, now -> now >= nanoTime);
      return count(s);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read pg_stat_database", e);
    }
  }

  /** One autocommit query, so one fresh statistics snapshot. */
  private static long count(PreparedStatement s) {
    try (ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read pg_stat_database", e);
    }
  }

  private static String letters(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return s.toString();
  }
}
