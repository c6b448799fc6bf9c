package dev.lazaret.proxy.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.proxy.config.ServerLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connections that dribble a request head a byte at a time are closed after the header timeout
 * (here 1 s) on both listeners, however many there are, while quiet keep-alive connections stay
 * open. Regression: 3,000 dripping connections were all held open.
 */
class HostileClientSlowHeadersTest {

  private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(1);
  /** How long the drippers keep trying before the test gives up on Lazaret closing them. */
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final int DRIPPERS = 300;

  @TempDir Path data;
  private HostileClientFixture fixture;
  private final List<Socket> sockets = new ArrayList<>();

  @BeforeEach
  void start() {
    fixture = new HostileClientFixture(data, new ServerLimits(10_000, HEADER_TIMEOUT));
  }

  @AfterEach
  void stop() throws IOException {
    for (Socket s : sockets) {
      s.close();
    }
    fixture.close();
  }

  @Test
  void drippingConnectionsAreClosedByTheHeaderTimeout() throws Exception {
    List<Socket> drippers = new ArrayList<>();
    for (int i = 0; i < DRIPPERS; i++) {
      drippers.add(open(i % 10 == 0 ? fixture.proxy.adminUrl() : fixture.proxy.url()));
    }
    for (Socket s : drippers) {
      s.getOutputStream().write("GET /left-pad HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          .getBytes(StandardCharsets.US_ASCII));
    }
    // Drip one header line to every connection in turn, as a slowloris client does, until every
    // one of them has been closed by Lazaret.
    long giveUp = System.nanoTime() + PATIENCE.toNanos();
    List<Socket> open = new ArrayList<>(drippers);
    while (!open.isEmpty() && System.nanoTime() < giveUp) {
      open.removeIf(HostileClientSlowHeadersTest::dripFailed);
      Thread.sleep(100); // the drip rate: this is the client misbehaving, not a wait
    }
    assertThat(open).as("connections still open after %s", PATIENCE).isEmpty();
    assertThat(fixture.metric("lazaret_header_timeouts_total", "registry")
        + fixture.metric("lazaret_header_timeouts_total", "admin")).isEqualTo(DRIPPERS);
    assertThat(fixture.metric("lazaret_header_timeouts_total", "admin")).isEqualTo(DRIPPERS / 10);
    assertThat(fixture.proxy.get("/-/ping").statusCode()).isEqualTo(200);
  }

  @Test
  void aSlowHeadIsAnswered408() throws Exception {
    try (HostileClientSocket c = fixture.registry(PATIENCE)) {
      c.send("GET /left-pad HTTP/1.1\r\n");
      HostileClientSocket.Response r = c.read();
      assertThat(r.status()).isEqualTo(408);
      assertThat(r.text()).isEqualTo("{\"error\":\"request head not received in time\"}");
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void anIdleKeepAliveConnectionOutlivesTheHeaderTimeout() throws Exception {
    try (HostileClientSocket c = fixture.registry(PATIENCE)) {
      c.send("GET /-/ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      assertThat(c.read().text()).isEqualTo("{}");
      // Idle for three header timeouts: a slow head would have been cut off by now. The
      // dripping test above shows that cut-off happens; here it must not.
      Thread.sleep(HEADER_TIMEOUT.multipliedBy(3).toMillis());
      c.send("GET /-/ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      assertThat(c.read().text()).isEqualTo("{}");
    }
  }

  private Socket open(URI url) throws IOException {
    Socket s = new Socket();
    sockets.add(s);
    s.connect(new InetSocketAddress("127.0.0.1", url.getPort()), 5_000);
    s.setSoTimeout(1);
    return s;
  }

  /** Sends one more header line; true once Lazaret has closed the connection. */
  private static boolean dripFailed(Socket s) {
    try {
      InputStream in = s.getInputStream();
      try {
        if (in.read() >= 0) {
          // The 408 answer: drain it, the end of the stream follows.
          in.readNBytes(in.available());
        } else {
          return true;
        }
      } catch (java.net.SocketTimeoutException nothingYet) {
        // still open and silent
      }
      OutputStream out = s.getOutputStream();
      out.write("X-Drip: 1\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
