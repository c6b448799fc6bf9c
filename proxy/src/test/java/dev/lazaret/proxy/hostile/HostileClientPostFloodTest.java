package dev.lazaret.proxy.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request bodies cannot exhaust the heap: 12 concurrent 30 MB POSTs to the audit relay are
 * refused with 413 (from Content-Length before a byte is buffered; chunked ones once they pass
 * the cap), nothing reaches the upstream, and the registry keeps answering. Regression: every
 * request body up to 32 MiB was aggregated, and the flood ended the process.
 */
class HostileClientPostFloodTest {

  private static final int CLIENTS = 12;
  private static final int BODY = 30 << 20;
  private static final String AUDIT = "/-/npm/v1/security/advisories/bulk";
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @TempDir Path data;
  private HostileClientFixture fixture;
  private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();

  @BeforeEach
  void start() {
    fixture = new HostileClientFixture(data);
  }

  @AfterEach
  void stop() {
    clients.shutdownNow();
    fixture.close();
  }

  @Test
  void declaredHugeBodiesAre413BeforeAnyIsRead() throws Exception {
    List<Future<HostileClientSocket.Response>> answers = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      answers.add(clients.submit(() -> {
        try (HostileClientSocket c = fixture.registry(DEADLINE)) {
          c.send("POST " + AUDIT + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              + "Content-Type: application/json\r\nContent-Length: " + BODY + "\r\n\r\n");
          // The answer comes from the head alone; a client that sends on regardless finds the
          // connection closed.
          return c.read();
        }
      }));
    }
    for (Future<HostileClientSocket.Response> answer : answers) {
      HostileClientSocket.Response r = answer.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
      assertThat(r.status()).isEqualTo(413);
      assertThat(r.text()).isEqualTo(
          "{\"error\":\"request body too large: this endpoint takes at most 4 MiB\"}");
    }
    assertStillServing();
    assertThat(fixture.metric("lazaret_request_bodies_too_large_total", "registry"))
        .isEqualTo(CLIENTS);
  }

  @Test
  void chunkedHugeBodiesAreCutOffAtTheCap() throws Exception {
    List<Future<HostileClientSocket.Response>> answers = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      answers.add(clients.submit(() -> {
        try (HostileClientSocket c = fixture.registry(DEADLINE)) {
          c.send("POST " + AUDIT + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
          byte[] chunk = chunk(64 << 10);
          try {
            for (int sent = 0; sent < BODY; sent += 64 << 10) {
              c.send(chunk);
            }
            c.send("0\r\n\r\n");
          } catch (IOException e) {
            // Expected: once the body passes the cap Lazaret answers and closes; the answer is
            // still there to read.
          }
          return c.read();
        }
      }));
    }
    for (Future<HostileClientSocket.Response> answer : answers) {
      assertThat(answer.get(DEADLINE.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(413);
    }
    assertStillServing();
    assertThat(fixture.metric("lazaret_request_bodies_too_large_total", "registry"))
        .isEqualTo(CLIENTS);
  }

  @Test
  void aGetWithABodyIsAnsweredAndItsBodyDropped() throws Exception {
    try (HostileClientSocket c = fixture.registry(DEADLINE)) {
      c.send("GET /-/ping HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n\r\nhello"
          + "GET /left-pad HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      assertThat(c.read().text()).isEqualTo("{}");
      assertThat(c.read().status()).isEqualTo(200);
    }
  }

  @Test
  void adminApiBodiesAreCappedToo() throws Exception {
    try (HostileClientSocket c = fixture.admin(DEADLINE)) {
      c.send("POST /api/rules HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + BODY + "\r\n\r\n");
      HostileClientSocket.Response r = c.read();
      assertThat(r.status()).isEqualTo(413);
      assertThat(r.text()).contains("at most 64 KiB");
    }
    assertThat(fixture.metric("lazaret_request_bodies_too_large_total", "admin")).isEqualTo(1);
  }

  /** The bound: with the flood over, {@code /-/ping} answers within 2 s. */
  private void assertStillServing() throws IOException {
    long start = System.nanoTime();
    try (HostileClientSocket c = fixture.registry(Duration.ofSeconds(2))) {
      c.send("GET /-/ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      assertThat(c.read().text()).isEqualTo("{}");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(fixture.upstream.requestCount(AUDIT)).isZero();
  }

  private static byte[] chunk(int size) {
    byte[] head = (Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[head.length + size + 2];
    System.arraycopy(head, 0, out, 0, head.length);
    java.util.Arrays.fill(out, head.length, head.length + size, (byte) ' ');
    out[out.length - 2] = '\r';
    out[out.length - 1] = '\n';
    return out;
  }
}
