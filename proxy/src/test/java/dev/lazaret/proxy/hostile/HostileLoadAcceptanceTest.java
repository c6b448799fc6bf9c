package dev.lazaret.proxy.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import dev.lazaret.proxy.testing.ChildLazaret;
import dev.lazaret.proxy.testing.FakeUpstream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance for hostile load, on a whole process with the launcher's memory
 * defaults: under a 300 MB packument, a gzip bomb and a flood of 30 MB POSTs the process stays up,
 * {@code /-/ping} answers within 2 s throughout, and peak RSS stays under 1 GiB. Before the
 * hardening each of these ended the JVM with an OutOfMemoryError.
 */
class HostileLoadAcceptanceTest {

  private static final long MIB = 1 << 20;
  private static final long RSS_LIMIT = 1024 * MIB;
  private static final Duration PING_LIMIT = Duration.ofSeconds(2);

  private static FakeUpstream upstream;
  private ChildLazaret lazaret;
  private static byte[] bomb;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws IOException {
    bomb = gzipBomb(2L << 30);
    upstream = FakeUpstream.start();
    upstream.override(p -> p.equals("/huge-doc"), HostileLoadAcceptanceTest::hugePackument);
    upstream.override(p -> p.equals("/bomb-doc"), ex -> {
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      ex.sendResponseHeaders(200, bomb.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bomb);
      }
    });
  }

  /** A fresh process per case: one case's damage must not fail the next. */
  @BeforeEach
  void startLazaret(@TempDir Path data) {
    lazaret = ChildLazaret.start(List.of(), List.of("serve", "--upstream",
        upstream.url().toString(), "--data", data.toString(), "--listen", "127.0.0.1:0",
        "--admin-listen", "127.0.0.1:0"), List.of("LAZARET_ACCESS_LOG=off"));
  }

  @AfterEach
  void stopLazaret() {
    lazaret.close();
  }

  @AfterAll
  static void stop() {
    if (upstream != null) {
      upstream.close();
    }
  }

  @Test
  void a300MegabytePackumentIsRefusedAndTheProcessStaysUp() throws Exception {
    Measured m = whilePinging(() -> get("huge-doc"));
    assertThat(m.status).as("a packument past upstream.max-packument-size").isEqualTo(502);
    assertThat(m.body).contains("max-packument-size");
    m.assertHealthy();
  }

  @Test
  void aGzipBombIsRefusedAndTheProcessStaysUp() throws Exception {
    Measured m = whilePinging(() -> get("bomb-doc"));
    assertThat(m.status).as("2 MB of gzip inflating to 2 GiB").isEqualTo(502);
    m.assertHealthy();
  }

  @Test
  void aFloodOfHugeAuditPostsIsRefusedAndTheProcessStaysUp() throws Exception {
    Measured m = whilePinging(() -> {
      try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
          posts.add(pool.submit(() -> postAudit(30 * MIB)));
        }
        int worst = 0;
        for (Future<Integer> f : posts) {
          int status = f.get();
          assertThat(status).as("a 30 MB audit body").isIn(413, -1);
          worst = Math.max(worst, status);
        }
        return new Answer(worst, "");
      }
    });
    m.assertHealthy();
  }

  // ---- measuring ---------------------------------------------------------------------------

  private record Answer(int status, String body) {}

  @FunctionalInterface
  private interface Action {
    Answer run() throws Exception;
  }

  private final class Measured {
    int status;
    String body;
    long slowestPingMillis;
    long failedPings;
    long peakRss;

    void assertHealthy() {
      assertThat(lazaret.isAlive()).as("Lazaret is still running:\n" + lazaret.log()).isTrue();
      assertThat(failedPings).as("pings without an answer").isZero();
      assertThat(slowestPingMillis).as("slowest /-/ping (ms)")
          .isLessThan(PING_LIMIT.toMillis());
      assertThat(peakRss).as("peak RSS (bytes)").isLessThan(RSS_LIMIT);
      System.out.printf("hostile load: slowest ping %d ms, peak RSS %d MiB%n", slowestPingMillis,
          peakRss / MIB);
    }
  }

  /** Runs {@code action} while Lazaret is pinged every 100 ms, timing each ping. */
  private Measured whilePinging(Action action) throws Exception {
    AtomicLong slowest = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    HttpRequest ping = HttpRequest.newBuilder(lazaret.url().resolve("-/ping"))
        .timeout(PING_LIMIT.multipliedBy(3)).build();
    ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor();
    pinger.scheduleWithFixedDelay(() -> {
      long t0 = System.nanoTime();
      try {
        if (http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
          failed.incrementAndGet();
        }
      } catch (IOException | InterruptedException e) {
        failed.incrementAndGet();
      }
      slowest.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
    }, 0, 100, TimeUnit.MILLISECONDS);
    Measured m = new Measured();
    try {
      Answer a = action.run();
      m.status = a.status();
      m.body = a.body();
    } finally {
      pinger.shutdown();
      pinger.awaitTermination(PING_LIMIT.toMillis() * 4, TimeUnit.MILLISECONDS);
    }
    m.slowestPingMillis = slowest.get();
    m.failedPings = failed.get();
    assertThat(lazaret.isAlive()).as("Lazaret is still running; its output:\n" + lazaret.log())
        .isTrue();
    m.peakRss = lazaret.peakRssBytes();
    return m;
  }

  private Answer get(String name) throws InterruptedException {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(lazaret.url().resolve(name))
          .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body());
    } catch (IOException e) {
      return new Answer(-1, "no answer: " + e);
    }
  }

  /** Sends a POST with a body of {@code size} bytes; its status, or -1 if the server cut it off. */
  private int postAudit(long size) {
    URI u = lazaret.url();
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(u.getHost(), u.getPort()), 5_000);
      s.setSoTimeout(60_000);
      OutputStream out = s.getOutputStream();
      out.write(("POST /-/npm/v1/security/advisories/bulk HTTP/1.1\r\nHost: " + u.getHost()
          + "\r\nContent-Type: application/json\r\nContent-Length: " + size + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[1 << 16];
      Arrays.fill(chunk, (byte) ' ');
      try {
        for (long sent = 0; sent < size; sent += chunk.length) {
          out.write(chunk, 0, (int) Math.min(chunk.length, size - sent));
        }
        out.flush();
      } catch (IOException cutOff) {
        // A server that refuses the body may answer and close before it is all sent.
      }
      return statusOf(s.getInputStream());
    } catch (IOException e) {
      return -1;
    }
  }

  private static int statusOf(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      line.write(b);
    }
    String status = line.toString(StandardCharsets.US_ASCII);
    return status.startsWith("HTTP/1.1 ") ? Integer.parseInt(status.substring(9, 12)) : -1;
  }

  // ---- hostile documents ---------------------------------------------------------------------

  /** A syntactically valid 300 MB packument, generated as it is sent (chunked, no length). */
  private static void hugePackument(HttpExchange ex) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(200, 0);
    byte[] filler = new byte[1 << 20];
    Arrays.fill(filler, (byte) 'x');
    try (OutputStream out = ex.getResponseBody()) {
      out.write("{\"name\":\"huge-doc\",\"versions\":{},\"readme\":\"".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 300; i++) {
        out.write(filler);
      }
      out.write("\"}".getBytes(StandardCharsets.UTF_8));
    } catch (IOException clientLeft) {
      // Lazaret hangs up once the cap is passed: that is the point.
    }
  }

  /** A small gzip stream that inflates to a valid packument of {@code inflated} bytes. */
  private static byte[] gzipBomb(long inflated) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
      byte[] head = "{\"name\":\"bomb-doc\",\"versions\":{},\"readme\":\"".getBytes(StandardCharsets.UTF_8);
      gz.write(head);
      byte[] spaces = new byte[1 << 20];
      Arrays.fill(spaces, (byte) ' ');
      for (long n = 0; n < inflated; n += spaces.length) {
        gz.write(spaces);
      }
      gz.write("\"}".getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
