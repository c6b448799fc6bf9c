package dev.lazaret.proxy.admin.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts failed authentications per client address and says when an address has failed too
 * often. A count is forgotten once the address has been quiet for the window, so a burst of
 * guesses locks it out for a while and an honest typo is soon forgiven. Memory is bounded: the
 * least recently failing addresses are dropped first.
 */
public final class FailureLimiter {

  /** Failures within the window after which an address is refused. */
  public static final int MAX_FAILURES = 10;
  /** How long an address must stay quiet to be forgiven. */
  public static final Duration WINDOW = Duration.ofMinutes(1);

  private final Cache<String, AtomicInteger> failures = Caffeine.newBuilder()
      .expireAfterWrite(WINDOW).maximumSize(10_000).build();

  /** Whether {@code address} has failed too often to be heard now. */
  public boolean blocked(String address) {
    AtomicInteger count = failures.getIfPresent(address);
    return count != null && count.get() >= MAX_FAILURES;
  }

  /**
   * Notes a failure from {@code address} (which restarts its window).
   *
   * @return whether this failure is the one that blocks the address
   */
  public boolean failed(String address) {
    AtomicInteger count = failures.asMap().compute(address,
        (a, c) -> c == null ? new AtomicInteger(1) : new AtomicInteger(c.get() + 1));
    return count.get() == MAX_FAILURES;
  }
}
