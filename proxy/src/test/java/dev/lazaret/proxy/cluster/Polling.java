package dev.lazaret.proxy.cluster;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits on external processes (nodes, PostgreSQL, haproxy, npm): asks again every few
 * milliseconds until an answer satisfies the test or a deadline passes, then fails with the
 * last answer. The only waiting in the cluster test; nothing sleeps a fixed time.
 */
final class Polling {

  private static final long STEP_MILLIS = 20;

  private Polling() {
  }

  /** The first answer of {@code probe} that {@code done} accepts within {@code within}. */
  static <T> T until(Duration within, String what, Supplier<T> probe, Predicate<T> done) {
    long deadline = System.nanoTime() + within.toNanos();
    T last = probe.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + within + ": " + what + "; last answer: " + last);
      }
      pause();
      last = probe.get();
    }
    return last;
  }

  /** Waits one polling step. */
  static void pause() {
    try {
      Thread.sleep(STEP_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while polling", e);
    }
  }
}
