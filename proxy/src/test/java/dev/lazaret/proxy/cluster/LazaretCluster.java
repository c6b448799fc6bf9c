package dev.lazaret.proxy.cluster;

import dev.lazaret.proxy.config.AdminToken;
import dev.lazaret.proxy.config.Role;
import dev.lazaret.proxy.testing.ChildLazaret;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.PrivateHaproxy;
import dev.lazaret.proxy.testing.PrivatePostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Two Lazaret nodes in child JVMs, {@code a} and {@code b}, sharing one quarantine state in a
 * dedicated private PostgreSQL (which the test may stop and start), one fake upstream, separate
 * data directories, behind a private haproxy. Admin tokens: analysts {@code alice} and
 * {@code bob}, and {@code ops} (admin role) for reads and metrics.
 */
final class LazaretCluster implements AutoCloseable {

  static final String ALICE = "alice-token-cluster";
  static final String BOB = "bob-token-cluster";
  static final String OPS = "ops-token-cluster";

  /** One node: its process and its listeners. */
  record Node(String name, ChildLazaret process) {

    /** The registry URL of {@code path} (no leading slash). */
    URI registry(String path) {
      return process.url().resolve(path);
    }

    /** The admin listener's URL of {@code path} (no leading slash). */
    URI admin(String path) {
      return process.adminUrl().resolve(path);
    }

    /** kill -9. */
    void kill() {
      process.close();
    }
  }

  private final List<AutoCloseable> started = new ArrayList<>();
  private final Path dir;
  private PrivatePostgres.Dedicated postgres;
  private String database;
  private Node a;
  private Node b;
  private PrivateHaproxy haproxy;

  private LazaretCluster(Path dir) {
    this.dir = dir;
  }

  /** Starts PostgreSQL, then node a (which creates the schema), node b, and haproxy. */
  static LazaretCluster start(FakeUpstream upstream) {
    Path dir;
    try {
      dir = Files.createTempDirectory("lazaret-cluster-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LazaretCluster cluster = new LazaretCluster(dir);
    try {
      cluster.postgres = PrivatePostgres.startDedicated();
      cluster.started.add(cluster.postgres);
      cluster.database = cluster.postgres.cluster().newDatabase();
      Path config = cluster.writeConfig();
      cluster.a = cluster.startNode("a", upstream, config);
      cluster.b = cluster.startNode("b", upstream, config);
      cluster.haproxy = PrivateHaproxy.start(List.of(backend(cluster.a), backend(cluster.b)));
      cluster.started.add(cluster.haproxy);
      return cluster;
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  private static PrivateHaproxy.Backend backend(Node node) {
    return new PrivateHaproxy.Backend(node.name(), node.process().url().getPort(),
        node.process().adminUrl().getPort());
  }

  /** The {@code --state} value: the cluster's database (trust auth; the password is unused). */
  String stateUrl() {
    return "postgresql://" + PrivatePostgres.USER + ":unused@127.0.0.1:"
        + postgres.cluster().port() + "/" + database;
  }

  private Path writeConfig() {
    String yaml = String.join("\n",
        "admin:",
        "  tokens:",
        token("alice", Role.ANALYST, ALICE),
        token("bob", Role.ANALYST, BOB),
        token("ops", Role.ADMIN, OPS),
        "");
    try {
      return Files.writeString(dir.resolve("lazaret.yaml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String token(String name, Role role, String secret) {
    return String.join("\n",
        "    - name: " + name,
        "      role: " + role.name().toLowerCase(Locale.ROOT),
        "      sha256: " + AdminToken.ofSecret(name, role, secret).sha256());
  }

  private Node startNode(String name, FakeUpstream upstream, Path config) {
    Path data = dir.resolve("data-" + name);
    ChildLazaret child = ChildLazaret.start(List.of("-Xmx384m"), List.of("serve",
        "--upstream", upstream.url().toString(), "--listen", "127.0.0.1:0",
        "--admin-listen", "127.0.0.1:0", "--data", data.toString(), "--config", config.toString(),
        "--state", stateUrl(), "--node-name", name), List.of());
    started.add(child);
    if (child.adminUrl() == null) {
      throw new IllegalStateException("node " + name + " did not name its admin listener:\n"
          + child.log());
    }
    return new Node(name, child);
  }

  Node a() {
    return a;
  }

  Node b() {
    return b;
  }

  PrivateHaproxy haproxy() {
    return haproxy;
  }

  PrivatePostgres.Dedicated postgres() {
    return postgres;
  }

  /** The database the nodes share. */
  String database() {
    return database;
  }

  /** Both nodes' and haproxy's output, for a failed assertion. */
  String logs() {
    StringBuilder s = new StringBuilder();
    for (Node n : Stream.of(a, b).filter(n -> n != null).toList()) {
      s.append("\n---- node ").append(n.name()).append(" ----\n").append(n.process().log());
    }
    if (haproxy != null) {
      s.append("\n---- haproxy ----\n").append(haproxy.log());
    }
    return s.toString();
  }

  /** Stops everything, newest first, and deletes the data directories. */
  @Override
  public void close() {
    for (AutoCloseable c : started.reversed()) {
      try {
        c.close();
      } catch (Exception e) {
        System.err.println("cannot stop " + c + ": " + e);
      }
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.err.println("cannot delete " + dir + ": " + e.getMessage());
    }
  }
}
