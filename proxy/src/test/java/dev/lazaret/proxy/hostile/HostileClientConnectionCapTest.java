package dev.lazaret.proxy.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.proxy.config.ServerLimits;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Past {@code server.max-connections}, a new connection is closed at once and counted, on both
 * listeners; once connections close, new ones are accepted again. Regression: no cap at all.
 */
class HostileClientConnectionCapTest {

  private static final int CAP = 20;
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  @TempDir Path data;
  private HostileClientFixture fixture;
  private final List<HostileClientSocket> held = new ArrayList<>();

  @BeforeEach
  void start() {
    fixture = new HostileClientFixture(data, new ServerLimits(CAP, Duration.ofMinutes(5)));
  }

  @AfterEach
  void stop() throws IOException {
    closeHeld();
    fixture.close();
  }

  @Test
  void theRegistryPortClosesConnectionsPastTheCap() throws Exception {
    fillAndOverflow(fixture.proxy.url(), "/-/ping");
    // The metrics scrape goes to the admin listener, which has its own cap.
    assertThat(fixture.metric("lazaret_connections_refused_total", "registry")).isEqualTo(1);
    closeHeld();
    awaitAccepted(fixture.proxy.url(), "/-/ping");
  }

  @Test
  void theAdminListenerClosesConnectionsPastTheCap() throws Exception {
    fillAndOverflow(fixture.proxy.adminUrl(), "/-/health");
    closeHeld();
    awaitAccepted(fixture.proxy.adminUrl(), "/-/health");
    // At least the one above; a poll of awaitAccepted may have come before a close was noticed.
    assertThat(fixture.metric("lazaret_connections_refused_total", "admin"))
        .isGreaterThanOrEqualTo(1);
  }

  /** Opens CAP kept-alive connections (each proven accepted by an answer), then one more. */
  private void fillAndOverflow(URI url, String path) throws IOException {
    for (int i = 0; i < CAP; i++) {
      HostileClientSocket c = new HostileClientSocket(url, DEADLINE);
      held.add(c);
      c.send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      assertThat(c.read().status()).isEqualTo(200);
    }
    try (HostileClientSocket extra = new HostileClientSocket(url, DEADLINE)) {
      assertThat(extra.closedByServer()).isTrue();
    }
  }

  /**
   * Connections closed by the client are released when Lazaret notices the close, a moment
   * later: poll until a new connection is answered.
   */
  private static void awaitAccepted(URI url, String path) throws Exception {
    long giveUp = System.nanoTime() + DEADLINE.toNanos();
    while (true) {
      try (HostileClientSocket c = new HostileClientSocket(url, DEADLINE)) {
        c.send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertThat(c.read().status()).isEqualTo(200);
        return;
      } catch (IOException e) {
        if (System.nanoTime() > giveUp) {
          throw e;
        }
        Thread.onSpinWait();
      }
    }
  }

  private void closeHeld() throws IOException {
    for (HostileClientSocket c : held) {
      c.close();
    }
    held.clear();
  }
}
