package dev.lazaret.proxy.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A private PostgreSQL cluster for tests: Debian's binaries, initdb into a temp directory, one
 * server on a free loopback port (unix sockets in that directory, nothing else listening), run as
 * the {@code postgres} OS user when the tests run as root (PostgreSQL refuses to run as root).
 * One cluster serves every test class in the JVM: {@link #shared()} starts it on first use and a
 * shutdown hook stops it ({@code pg_ctl stop -m fast}) and deletes the directory. Each test asks
 * for a {@link #newDatabase() fresh database}, so tests never see each other's rows.
 *
 * <p>When PostgreSQL is not installed, a test that needs it fails with how to install it, or, with
 * {@code LAZARET_SKIP_POSTGRES=1}, is skipped with a message on stderr.
 */
public final class PrivatePostgres {

  /** The superuser the cluster is created with; trusted on loopback, so no password. */
  public static final String USER = "lazaret";
  private static final String OS_USER = "postgres";
  private static final long STEP_TIMEOUT_SECONDS = 120;
  /** Where Debian installs each PostgreSQL major version, as {@code <version>/bin}. */
  private static final Path INSTALL_ROOT = Path.of("/usr/lib/postgresql");
  /** How the clusters' directories are named, in the temp directory. */
  private static final String PREFIX = "lazaret-pg-";
  /** The file in a cluster's directory naming the JVM (pid) that started it. */
  private static final String OWNER = "owner.pid";

  private static PrivatePostgres shared;

  private final Path bin;
  private final Path dir;
  private final int port;
  private final double startSeconds;
  private final AtomicInteger databases = new AtomicInteger();

  private PrivatePostgres(Path bin, Path dir, int port, double startSeconds) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.startSeconds = startSeconds;
  }

  /**
   * The JVM's cluster, started on first use. Fails (or, with {@code LAZARET_SKIP_POSTGRES=1},
   * aborts the test as skipped) when PostgreSQL is not installed.
   */
  public static synchronized PrivatePostgres shared() {
    if (shared == null) {
      Path bin = installed(binaries(INSTALL_ROOT), System.getenv("LAZARET_SKIP_POSTGRES"));
      stopAbandoned(bin);
      PrivatePostgres started = start(bin);
      Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "private-postgres-stop"));
      shared = started;
    }
    return shared;
  }

  /**
   * {@code bin}, if PostgreSQL is installed; otherwise fails the test with how to install it, or,
   * when {@code skip} is {@code "1"}, aborts it (JUnit reports it skipped) and says so on stderr.
   */
  static Path installed(Optional<Path> bin, String skip) {
    if (bin.isPresent()) {
      return bin.get();
    }
    String howTo = "PostgreSQL is not installed (no " + INSTALL_ROOT + "/*/bin/initdb): "
        + "install it with `apt-get install -y --no-install-recommends postgresql` "
        + "(.ci/run does), or set LAZARET_SKIP_POSTGRES=1 to skip the PostgreSQL tests";
    if ("1".equals(skip)) {
      System.err.println("SKIPPED (LAZARET_SKIP_POSTGRES=1): " + howTo);
      Assumptions.abort("LAZARET_SKIP_POSTGRES=1 and " + howTo);
    }
    return fail(howTo);
  }

  /** The newest PostgreSQL's bin directory under {@code root} (Debian's layout), if any. */
  static Optional<Path> binaries(Path root) {
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions.map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparingInt(PrivatePostgres::majorVersion));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int majorVersion(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * Stops and deletes the clusters of test JVMs that died without running their shutdown hook
   * (killed at a timeout, say): each directory names the JVM that owns it, and a cluster whose
   * JVM is gone would otherwise run until the machine stops.
   */
  private static void stopAbandoned(Path bin) {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (Stream<Path> dirs = Files.list(tmp)) {
      for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith(PREFIX)).toList()) {
        Path owner = dir.resolve(OWNER);
        if (!Files.isRegularFile(owner) || ownerAlive(owner)) {
          continue;
        }
        System.err.println("stopping the abandoned private PostgreSQL in " + dir);
        new PrivatePostgres(bin, dir, 0, 0).stop();
      }
    } catch (IOException e) {
      System.err.println("cannot look for abandoned private PostgreSQL clusters: " + e);
    }
  }

  private static boolean ownerAlive(Path owner) {
    try {
      long pid = Long.parseLong(Files.readString(owner).trim());
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (IOException | NumberFormatException e) {
      return true; // unreadable: not ours to judge
    }
  }

  private static PrivatePostgres start(Path bin) {
    long began = System.nanoTime();
    Path dir;
    try {
      dir = Files.createTempDirectory(PREFIX);
      Files.writeString(dir.resolve(OWNER), Long.toString(ProcessHandle.current().pid()));
      if (runningAsRoot()) {
        UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService()
            .lookupPrincipalByName(OS_USER);
        Files.setOwner(dir, postgres);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the private PostgreSQL directory", e);
    }
    int port = freeLoopbackPort();
    Path data = dir.resolve("data");
    run(dir, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
        "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync");
    // Loopback only, sockets in the private directory, and durability traded for speed: the
    // cluster lives as long as one test run.
    String conf = String.join("\n",
        "listen_addresses = '127.0.0.1'",
        "port = " + port,
        "unix_socket_directories = '" + dir + "'",
        "fsync = off",
        "synchronous_commit = off",
        "full_page_writes = off",
        "max_connections = 50",
        "shared_buffers = 32MB",
        "jit = off",
        "");
    try {
      Files.writeString(data.resolve("postgresql.auto.conf"), conf, StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot configure the private PostgreSQL", e);
    }
    run(dir, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
        dir.resolve("server.log").toString(), "-w", "-t", "60", "start");
    double seconds = (System.nanoTime() - began) / 1e9;
    System.err.printf("private PostgreSQL %s on 127.0.0.1:%d started in %.2f s (%s)%n",
        bin.getParent().getFileName(), port, seconds, dir);
    return new PrivatePostgres(bin, dir, port, seconds);
  }

  /** How long initdb and the start took, in seconds. */
  public double startSeconds() {
    return startSeconds;
  }

  /** The loopback port the server listens on. */
  public int port() {
    return port;
  }

  /** The JDBC URL of database {@code name}. */
  public String jdbcUrl(String name) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
  }

  /** A new, empty database; returns its name. */
  public String newDatabase() {
    String name = "lazaret_test_" + databases.incrementAndGet();
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name + " TEMPLATE template0 STRATEGY FILE_COPY");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return name;
  }

  /** A data source for database {@code name} (one connection per call: no pool). */
  public DataSource dataSource(String name) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {"127.0.0.1"});
    ds.setPortNumbers(new int[] {port});
    ds.setDatabaseName(name);
    ds.setUser(USER);
    return ds;
  }

  /** Stops the server and deletes its directory; best effort (it runs at JVM exit). */
  private void stop() {
    if (Files.exists(dir.resolve("data").resolve("postmaster.pid"))) {
      try {
        run(dir, bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m",
            "fast", "-w", "-t", "60", "stop");
      } catch (RuntimeException e) {
        System.err.println("private PostgreSQL did not stop cleanly: " + e.getMessage());
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

  /** Runs a PostgreSQL program, as the postgres user when we are root; fails on non-zero exit. */
  private static void run(Path dir, String... command) {
    List<String> argv = new ArrayList<>();
    if (runningAsRoot()) {
      argv.addAll(List.of("runuser", "-u", OS_USER, "--"));
    }
    argv.addAll(List.of(command));
    Path output = dir.resolve("command.log");
    try {
      Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(output.toFile()).start();
      if (!p.waitFor(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(String.join(" ", argv) + " did not finish in "
            + STEP_TIMEOUT_SECONDS + " s");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", argv) + " exited with "
            + p.exitValue() + ":\n" + Files.readString(output));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + argv, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + argv, e);
    }
  }

  private static boolean runningAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int freeLoopbackPort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  // ---- a dedicated cluster, for tests that stop and start PostgreSQL -------------------------

  /**
   * A cluster of its own (not {@link #shared()}, which other tests in the JVM use), for a test
   * that stops PostgreSQL and starts it again on the same port; {@link Dedicated#close()} (or a
   * shutdown hook, if the test never gets there) stops it and deletes its directory.
   */
  public static Dedicated startDedicated() {
    Path bin = installed(binaries(INSTALL_ROOT), System.getenv("LAZARET_SKIP_POSTGRES"));
    stopAbandoned(bin);
    PrivatePostgres cluster = start(bin);
    Thread hook = new Thread(cluster::stop, "private-postgres-dedicated-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    return new Dedicated(cluster, hook);
  }

  /** A private cluster that one test may stop ({@code pg_ctl stop -m fast}) and start again. */
  public static final class Dedicated implements AutoCloseable {

    private final PrivatePostgres cluster;
    private final Thread hook;

    private Dedicated(PrivatePostgres cluster, Thread hook) {
      this.cluster = cluster;
      this.hook = hook;
    }

    /** The running cluster: its port, databases and data sources. */
    public PrivatePostgres cluster() {
      return cluster;
    }

    /** Stops the server the way an operator does (open sessions are terminated); data stays. */
    public void stop() {
      run(cluster.dir, cluster.bin.resolve("pg_ctl").toString(), "-D", cluster.data().toString(),
          "-m", "fast", "-w", "-t", "60", "stop");
    }

    /** Starts the stopped server again, on the same port, and waits until it accepts sessions. */
    public void start() {
      run(cluster.dir, cluster.bin.resolve("pg_ctl").toString(), "-D", cluster.data().toString(),
          "-l", cluster.dir.resolve("server.log").toString(), "-w", "-t", "60", "start");
    }

    /** Stops the server if it runs and deletes its directory. */
    @Override
    public void close() {
      cluster.stop();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down: the hook runs (and finds nothing left to do)
      }
    }
  }

  private Path data() {
    return dir.resolve("data");
  }
}
