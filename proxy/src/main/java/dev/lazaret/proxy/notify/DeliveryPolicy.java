package dev.lazaret.proxy.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard the notifier tries: the queue bound per webhook, attempts per event, the first
 * backoff (doubled after each failed attempt) and how long {@code close()} waits.
 *
 * @param queueCapacity events waiting per webhook; past it the oldest is dropped
 * @param maxAttempts   attempts per event, the first included
 * @param firstBackoff  wait after the first failed attempt; doubles after each
 * @param maxBackoff    the longest wait between attempts, whatever the doubling or a
 *                      {@code Retry-After} says
 * @param closeWait     how long {@code close()} lets queued events go out before it interrupts
 */
public record DeliveryPolicy(int queueCapacity, int maxAttempts, Duration firstBackoff,
    Duration maxBackoff, Duration closeWait) {

  /** Validates the values. */
  public DeliveryPolicy {
    Objects.requireNonNull(firstBackoff, "firstBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(closeWait, "closeWait");
    if (queueCapacity < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("queueCapacity and maxAttempts must be at least 1");
    }
  }

  /** 1,000 queued events per webhook; 5 attempts 1 s, 2 s, 4 s, 8 s apart; 2 s to close. */
  public static DeliveryPolicy defaults() {
    return new DeliveryPolicy(1_000, 5, Duration.ofSeconds(1), Duration.ofSeconds(30),
        Duration.ofSeconds(2));
  }

  /** The wait after failed attempt number {@code attempt} (1-based). */
  Duration backoffAfter(int attempt) {
    Duration wait = firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
