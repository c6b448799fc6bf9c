package dev.lazaret.proxy.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A private haproxy (Debian's {@code haproxy}) in the foreground on a free loopback port,
 * balancing round-robin over Lazaret nodes the way docs and {@code docker/} deploy them: each
 * node's registry port serves, its admin port's {@code /-/ready} is the health check, checked
 * often enough that a killed node is out within about a second, and a request that could not
 * reach a node (or got no answer from it) is sent to another ({@code retries} +
 * {@code option redispatch} + {@code retry-on}). Killed by PID on {@link #close()}.
 *
 * <p>When haproxy is not installed, a test that needs it fails with how to install it, or, with
 * {@code LAZARET_SKIP_POSTGRES=1} (the switch for the cluster tests), is skipped loudly.
 */
public final class PrivateHaproxy implements AutoCloseable {

  /** Where Debian installs it; PATH is searched too. */
  private static final Path DEBIAN_BINARY = Path.of("/usr/sbin/haproxy");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

  /** One backend server: a node's registry port and the admin port its health check asks. */
  public record Backend(String name, int registryPort, int adminPort) {
  }

  private final Process process;
  private final Path dir;
  private final int port;

  private PrivateHaproxy(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  /** Starts haproxy in front of {@code backends}; returns once its port accepts connections. */
  public static PrivateHaproxy start(List<Backend> backends) {
    Path binary = installed(binary(), System.getenv("LAZARET_SKIP_POSTGRES"));
    Path dir;
    try {
      dir = Files.createTempDirectory("lazaret-haproxy-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int port = freeLoopbackPort();
    Path config = dir.resolve("haproxy.cfg");
    Path log = dir.resolve("haproxy.log");
    try {
      Files.writeString(config, config(port, backends));
      Process p = new ProcessBuilder(binary.toString(), "-db", "-f", config.toString())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      p.getOutputStream().close();
      PrivateHaproxy haproxy = new PrivateHaproxy(p, dir, port);
      haproxy.awaitListening();
      return haproxy;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start haproxy", e);
    }
  }

  /** The configuration: short health checks, round-robin, retries on another node. */
  static String config(int port, List<Backend> backends) {
    List<String> lines = new ArrayList<>(List.of(
        "global",
        "  maxconn 512",
        "defaults",
        "  mode http",
        "  timeout connect 1s",
        "  timeout client 60s",
        "  timeout server 60s",
        // A killed node refuses the check at once: two refusals, 250 ms apart, take it out.
        // A slow answer (a busy machine, a cold JVM) is not a dead node: 1 s to answer.
        "  timeout check 1s",
        "  retries 3",
        "  option redispatch 1",
        // A GET that a dying node accepted but never answered is safe to send to another.
        "  retry-on all-retryable-errors",
        "frontend registry",
        "  bind 127.0.0.1:" + port,
        "  default_backend lazaret",
        "backend lazaret",
        "  balance roundrobin",
        "  option httpchk GET /-/ready",
        "  http-check expect status 200"));
    for (Backend b : backends) {
      lines.add("  server " + b.name() + " 127.0.0.1:" + b.registryPort() + " check port "
          + b.adminPort() + " inter 250ms fall 2 rise 1");
    }
    lines.add("");
    return String.join("\n", lines);
  }

  /** The balancer's URL, ending with {@code /}: what clients use as their registry. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  /** What haproxy printed so far (warnings, servers going down and up). */
  public String log() {
    try {
      return Files.readString(dir.resolve("haproxy.log"));
    } catch (IOException e) {
      return "(no haproxy log: " + e.getMessage() + ")";
    }
  }

  private void awaitListening() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("haproxy exited with " + process.exitValue() + ":\n"
            + log());
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        pause();
      }
    }
    close();
    throw new IllegalStateException("haproxy not listening on " + port + " within "
        + START_TIMEOUT + ":\n" + log());
  }

  private static void pause() {
    try {
      Thread.sleep(50); // polling an external process, bounded by the caller's deadline
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for haproxy", e);
    }
  }

  /** {@code binary}, if present; otherwise fails with how to install it (or skips, see above). */
  static Path installed(Optional<Path> binary, String skip) {
    if (binary.isPresent()) {
      return binary.get();
    }
    String howTo = "haproxy is not installed (no " + DEBIAN_BINARY + " and none on PATH): install"
        + " it with `apt-get install -y --no-install-recommends haproxy` (.ci/run does), or set"
        + " LAZARET_SKIP_POSTGRES=1 to skip the cluster tests";
    if ("1".equals(skip)) {
      System.err.println("SKIPPED (LAZARET_SKIP_POSTGRES=1): " + howTo);
      Assumptions.abort("LAZARET_SKIP_POSTGRES=1 and " + howTo);
    }
    return fail(howTo);
  }

  private static Optional<Path> binary() {
    if (Files.isExecutable(DEBIAN_BINARY)) {
      return Optional.of(DEBIAN_BINARY);
    }
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(":")).filter(d -> !d.isEmpty())
        .map(d -> Path.of(d, "haproxy")).filter(Files::isExecutable).findFirst();
  }

  private static int freeLoopbackPort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  /** Kills haproxy (by its PID) and deletes its directory. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
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
