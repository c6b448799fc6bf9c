package dev.lazaret.proxy.quarantine;

import dev.lazaret.storage.StoreException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes, on one background virtual thread, the latest value submitted for each key, so that
 * the thread that submits never waits for the state. A value submitted while an older one for
 * the same key still waits is merged into it (the queue holds one value per key, in the order
 * the keys first arrived). A write that fails with a {@link StoreException} (the state is
 * unreachable, the disk is full) is retried with backoff until it succeeds: it is never lost
 * while the process runs. The queue holds at most {@code capacity} keys; a new key beyond that
 * is dropped and counted (the next judgement of that package submits it again).
 *
 * @param <V> what is written
 */
final class CoalescingWriter<V> implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CoalescingWriter.class);

  /** The first wait after a failed write; it doubles up to {@link #MAX_BACKOFF}. */
  static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
  /** The longest wait between two attempts while the state stays unreachable. */
  static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
  /** Attempts at a write that fails with anything but a store error (a bug, not an outage). */
  static final int MAX_ATTEMPTS_ON_BUG = 5;

  private final String what;
  private final int capacity;
  private final BinaryOperator<V> merge;
  private final Consumer<V> write;
  private final Duration firstBackoff;
  private final Duration maxBackoff;

  private final ReentrantLock lock = new ReentrantLock();
  /** Signalled when a value is submitted or the writer closes. */
  private final Condition submitted = lock.newCondition();
  /** Signalled when a write ends (stored, or given back to the queue). */
  private final Condition wrote = lock.newCondition();
  private final LinkedHashMap<String, Waiting<V>> waiting = new LinkedHashMap<>();
  /** The value being written, for {@link #latest} (null when none). */
  private Map.Entry<String, Waiting<V>> inFlight;
  private long dropped;
  private long failures;
  private boolean closed;
  private Thread drainer;

  /** A value waiting to be written, and how many attempts at it failed on a non-store error. */
  private record Waiting<V>(V value, int bugFailures) {
  }

  /**
   * A writer.
   *
   * @param what     what it writes, for logs (e.g. {@code hold records})
   * @param capacity the most keys that may wait
   * @param merge    (older, newer) to the one value to write instead of both
   * @param write    stores one value; throws to have it retried
   */
  CoalescingWriter(String what, int capacity, BinaryOperator<V> merge, Consumer<V> write) {
    this(what, capacity, merge, write, FIRST_BACKOFF, MAX_BACKOFF);
  }

  /** A writer whose retries wait from {@code firstBackoff} up to {@code maxBackoff}. */
  CoalescingWriter(String what, int capacity, BinaryOperator<V> merge, Consumer<V> write,
      Duration firstBackoff, Duration maxBackoff) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.what = what;
    this.capacity = capacity;
    this.merge = merge;
    this.write = write;
    this.firstBackoff = firstBackoff;
    this.maxBackoff = maxBackoff;
  }

  /**
   * Queues {@code value} for {@code key}, merged into the value already waiting for it, if any.
   * Never blocks on the state.
   *
   * @return false if it was dropped: the queue is full of other keys, or the writer is closed
   */
  boolean submit(String key, V value) {
    lock.lock();
    try {
      Waiting<V> older = waiting.get(key);
      if (closed || (older == null && waiting.size() >= capacity)) {
        dropped++;
        if (dropped == 1 || dropped % 1_000 == 0) {
          log.warn("{} dropped: {} ({} dropped so far)", what, closed ? "the writer is closed"
              : waiting.size() + " keys already wait to be written", dropped);
        }
        return false;
      }
      waiting.put(key, older == null ? new Waiting<>(value, 0)
          : new Waiting<>(merge.apply(older.value(), value), older.bugFailures()));
      if (drainer == null) {
        drainer = Thread.ofVirtual().name("lazaret-writer-" + what.replace(' ', '-'))
            .start(this::drain);
      }
      submitted.signalAll();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** The value waiting (or being written) for {@code key}: newer than what the state holds. */
  Optional<V> latest(String key) {
    lock.lock();
    try {
      Waiting<V> w = waiting.get(key);
      if (w != null) {
        return Optional.of(w.value());
      }
      return inFlight != null && inFlight.getKey().equals(key)
          ? Optional.of(inFlight.getValue().value()) : Optional.empty();
    } finally {
      lock.unlock();
    }
  }

  /** Values waiting or being written. */
  long pending() {
    lock.lock();
    try {
      return waiting.size() + (inFlight == null ? 0 : 1);
    } finally {
      lock.unlock();
    }
  }

  /** Values dropped since start: the queue was full, a write kept failing on a bug, or closed. */
  long dropped() {
    lock.lock();
    try {
      return dropped;
    } finally {
      lock.unlock();
    }
  }

  /** Failed write attempts since start (each was retried or, after a bug, dropped). */
  long failures() {
    lock.lock();
    try {
      return failures;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until every value submitted so far is written (or dropped).
   *
   * @return false if values still wait after {@code timeout} (e.g. the state is unreachable)
   */
  boolean awaitWritten(Duration timeout) {
    long left = timeout.toNanos();
    lock.lock();
    try {
      while (!waiting.isEmpty() || inFlight != null) {
        if (left <= 0 || closed) {
          return waiting.isEmpty() && inFlight == null;
        }
        left = wrote.awaitNanos(left);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until the value submitted so far for {@code key} is written (or dropped).
   *
   * @return false if it still waits after {@code timeout}
   */
  boolean awaitWritten(String key, Duration timeout) {
    long left = timeout.toNanos();
    lock.lock();
    try {
      while (waiting.containsKey(key) || (inFlight != null && inFlight.getKey().equals(key))) {
        if (left <= 0 || closed) {
          return false;
        }
        left = wrote.awaitNanos(left);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Writes what waits, for at most {@code bound}, then stops; what is still waiting then is
   * logged and lost (the state was unreachable for the whole bound).
   */
  void close(Duration bound) {
    boolean done = awaitWritten(bound);
    Thread thread;
    long left;
    lock.lock();
    try {
      closed = true;
      left = pending();
      submitted.signalAll();
      wrote.signalAll();
      thread = drainer;
    } finally {
      lock.unlock();
    }
    if (done || thread == null) {
      return; // the drainer, if any, saw the close and stops by itself
    }
    log.warn("closing with {} {} not written after {}", left, what, bound);
    // Past the bound: cut short the backoff (or the write) the drainer is in.
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Closes within {@link #MAX_BACKOFF}. */
  @Override
  public void close() {
    close(MAX_BACKOFF);
  }

  private void drain() {
    Duration backoff = firstBackoff;
    while (true) {
      Map.Entry<String, Waiting<V>> next = takeNext();
      if (next == null) {
        return;
      }
      Failure failure = attempt(next.getValue().value());
      finish(next, failure);
      if (failure == Failure.NONE) {
        backoff = firstBackoff;
        continue;
      }
      if (!pause(backoff)) {
        return;
      }
      backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff
          : backoff.multipliedBy(2);
    }
  }

  /** How a write attempt ended. */
  private enum Failure { NONE, STORE, BUG }

  private Failure attempt(V value) {
    try {
      write.accept(value);
      return Failure.NONE;
    } catch (StoreException e) {
      log.warn("writing {} failed, will retry: {}", what, e.getMessage());
      return Failure.STORE;
    } catch (RuntimeException e) {
      log.error("writing {} failed", what, e);
      return Failure.BUG;
    }
  }

  /** The oldest waiting key with its value, now in flight; null once closed. */
  private Map.Entry<String, Waiting<V>> takeNext() {
    lock.lock();
    try {
      while (waiting.isEmpty() && !closed) {
        submitted.awaitUninterruptibly();
      }
      if (closed) {
        return null;
      }
      Map.Entry<String, Waiting<V>> first = waiting.entrySet().iterator().next();
      inFlight = Map.entry(first.getKey(), first.getValue());
      waiting.remove(first.getKey());
      return inFlight;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Ends the write of {@code done}. A failed one goes back to the end of the queue, merged with
   * whatever was submitted for its key meanwhile; one that failed on a bug (not a store error)
   * {@link #MAX_ATTEMPTS_ON_BUG} times is dropped.
   */
  private void finish(Map.Entry<String, Waiting<V>> done, Failure failure) {
    lock.lock();
    try {
      inFlight = null;
      if (failure != Failure.NONE) {
        failures++;
        Waiting<V> failed = done.getValue();
        int bugFailures = failed.bugFailures() + (failure == Failure.BUG ? 1 : 0);
        Waiting<V> newer = waiting.remove(done.getKey());
        if (newer != null) {
          waiting.put(done.getKey(),
              new Waiting<>(merge.apply(failed.value(), newer.value()), 0));
        } else if (bugFailures < MAX_ATTEMPTS_ON_BUG) {
          waiting.put(done.getKey(), new Waiting<>(failed.value(), bugFailures));
        } else {
          dropped++;
          log.error("gave up writing {} for '{}' after {} attempts", what, done.getKey(),
              bugFailures);
        }
      }
      wrote.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits {@code backoff} before the next attempt; false if the writer closed meanwhile. */
  private boolean pause(Duration backoff) {
    lock.lock();
    try {
      long left = backoff.toNanos();
      while (!closed && left > 0) {
        left = submitted.awaitNanos(left);
      }
      return !closed;
    } catch (InterruptedException e) {
      return false;
    } finally {
      lock.unlock();
    }
  }
}
