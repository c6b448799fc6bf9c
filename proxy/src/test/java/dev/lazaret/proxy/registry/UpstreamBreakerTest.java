package dev.lazaret.proxy.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.proxy.it.MutableClock;
import dev.lazaret.proxy.registry.UpstreamBreaker.State;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The breaker's state machine, timed by an injected clock. */
class UpstreamBreakerTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
  private final UpstreamBreaker breaker = new UpstreamBreaker("127.0.0.1:1", clock);

  @Test
  void closedLetsEveryCallThrough() {
    for (int i = 0; i < 10; i++) {
      assertThat(breaker.tryAcquire()).isTrue();
      breaker.succeeded();
    }
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
  }

  @Test
  void opensAfterRepeatedOutagesInARow() {
    breaker.failed("connection refused", false);
    breaker.failed("connection refused", false);
    assertThat(breaker.state()).isEqualTo(State.CLOSED);

    breaker.failed("connection refused", false);
    assertThat(breaker.state()).isEqualTo(State.OPEN);
    assertThat(breaker.tryAcquire()).isFalse();
    assertThat(breaker.problem()).isEqualTo("connection refused");
    assertThat(breaker.openedByTimeout()).isFalse();
  }

  @Test
  void aSuccessInBetweenResetsTheCount() {
    breaker.failed("503", false);
    breaker.failed("503", false);
    breaker.succeeded();
    breaker.failed("503", false);
    breaker.failed("503", false);
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
  }

  @Test
  void oneTimeoutOpensAtOnce() {
    breaker.failed("no answer within 30 s", true);
    assertThat(breaker.state()).isEqualTo(State.OPEN);
    assertThat(breaker.openedByTimeout()).isTrue();
    assertThat(breaker.tryAcquire()).isFalse();
  }

  @Test
  void afterTheRetryTimeExactlyOneTrialGoesThrough() {
    breaker.failed("timeout", true);
    clock.advance(UpstreamBreaker.RETRY_AFTER.minusMillis(1));
    assertThat(breaker.tryAcquire()).isFalse();

    clock.advance(Duration.ofMillis(1));
    assertThat(breaker.tryAcquire()).isTrue();
    assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
    assertThat(breaker.tryAcquire()).isFalse();
    assertThat(breaker.tryAcquire()).isFalse();
  }

  @Test
  void aSuccessfulTrialClosesTheBreaker() {
    breaker.failed("timeout", true);
    clock.advance(UpstreamBreaker.RETRY_AFTER);
    assertThat(breaker.tryAcquire()).isTrue();

    breaker.succeeded();
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    assertThat(breaker.isOpen()).isFalse();
    assertThat(breaker.problem()).isNull();
    assertThat(breaker.tryAcquire()).isTrue();
    assertThat(breaker.tryAcquire()).isTrue();
  }

  @Test
  void aFailedTrialOpensItForAnotherRetryPeriod() {
    breaker.failed("refused", false);
    breaker.failed("refused", false);
    breaker.failed("refused", false);
    clock.advance(UpstreamBreaker.RETRY_AFTER);
    assertThat(breaker.tryAcquire()).isTrue();

    breaker.failed("refused again", false);
    assertThat(breaker.state()).isEqualTo(State.OPEN);
    clock.advance(UpstreamBreaker.RETRY_AFTER.minusMillis(1));
    assertThat(breaker.tryAcquire()).isFalse();
    clock.advance(Duration.ofMillis(1));
    assertThat(breaker.tryAcquire()).isTrue();
  }

  @Test
  void aTrialReleasedWithoutAnAnswerLetsTheNextCallerTry() {
    breaker.failed("timeout", true);
    clock.advance(UpstreamBreaker.RETRY_AFTER);
    assertThat(breaker.tryAcquire()).isTrue();

    breaker.released();
    assertThat(breaker.state()).isEqualTo(State.OPEN);
    assertThat(breaker.tryAcquire()).isTrue();
  }

  @Test
  void aTrialThatNeverReportsIsGivenUpAfterItsPatience() {
    breaker.failed("timeout", true);
    clock.advance(UpstreamBreaker.RETRY_AFTER);
    assertThat(breaker.tryAcquire()).isTrue();

    clock.advance(UpstreamBreaker.TRIAL_PATIENCE.minusMillis(1));
    assertThat(breaker.tryAcquire()).isFalse();
    clock.advance(Duration.ofMillis(1));
    assertThat(breaker.tryAcquire()).isTrue();
  }
}
