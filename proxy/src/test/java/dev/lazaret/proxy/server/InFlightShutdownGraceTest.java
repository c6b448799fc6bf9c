package dev.lazaret.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Waiting for in-flight responses with a grace of any size: no overflow at SIGTERM. */
class InFlightShutdownGraceTest {

  @Test
  void aGraceTooLargeForNanosecondsDoesNotOverflow() throws InterruptedException {
    // Before: Duration.toNanos() threw ArithmeticException in the shutdown hook, so the server
    // and the store were never closed.
    assertThat(new InFlight().awaitIdle(Duration.ofSeconds(Long.MAX_VALUE))).isTrue();
    assertThat(new InFlight().awaitIdle(Duration.ofDays(106_752))).isTrue();
  }

  @Test
  void aNegativeGraceWaitsNotAtAll() throws InterruptedException {
    InFlight inFlight = new InFlight();
    inFlight.begin();
    assertThat(inFlight.awaitIdle(Duration.ofSeconds(-5))).isFalse();
  }
}
