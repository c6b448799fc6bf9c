package dev.lazaret.proxy.server;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts responses in progress, so a graceful shutdown can wait for them to finish. */
final class InFlight {

  private final AtomicInteger count = new AtomicInteger();
  private final Object lock = new Object();

  void begin() {
    count.incrementAndGet();
  }

  void end() {
    if (count.decrementAndGet() <= 0) {
      synchronized (lock) {
        lock.notifyAll();
      }
    }
  }

  int current() {
    return count.get();
  }

  /** Waits until no response is in progress or {@code timeout} passes; true if drained. */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    // Saturated: toNanos() throws past 292 years, and a sum past Long.MAX_VALUE wraps negative.
    long nanos = timeout.compareTo(Duration.ofDays(365)) > 0 ? Duration.ofDays(365).toNanos()
        : Math.max(0, timeout.toNanos());
    long deadline = System.nanoTime() + nanos;
    synchronized (lock) {
      while (count.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        lock.wait(Math.max(1, left / 1_000_000));
      }
    }
    return true;
  }
}
