package dev.lazaret.proxy.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Coalesces concurrent work on the same key: while a computation for a key is running, every
 * caller for that key gets the same future; the next caller after it completes starts afresh.
 * This is what makes 50 concurrent cold requests one upstream request. Each caller gets its own
 * future completed with the shared outcome, so one caller cancelling (or completing) its future
 * never touches the others' nor the run itself.
 */
public final class SingleFlight<K, V> {

  private final ConcurrentMap<K, CompletableFuture<V>> running = new ConcurrentHashMap<>();
  private final Executor executor;

  /** Runs work on {@code executor}. */
  public SingleFlight(Executor executor) {
    this.executor = executor;
  }

  /** Runs {@code work} on the executor unless a run for {@code key} is already in flight. */
  public CompletableFuture<V> run(K key, Callable<V> work) {
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> existing = running.putIfAbsent(key, mine);
    if (existing != null) {
      return follow(existing);
    }
    Runnable task = () -> {
      V value;
      try {
        value = work.call();
      } catch (Throwable t) {
        running.remove(key, mine);
        mine.completeExceptionally(t);
        return;
      }
      // Leave the table before completing: a caller woken by the answer that asks again at once
      // must start a new run, not be handed this finished one.
      running.remove(key, mine);
      mine.complete(value);
    };
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      // Shutting down: fail this run rather than leave it (and every later caller) waiting.
      running.remove(key, mine);
      mine.completeExceptionally(e);
    }
    return follow(mine);
  }

  /** A future of the caller's own with the shared outcome, the exception unwrapped as thrown. */
  private static <V> CompletableFuture<V> follow(CompletableFuture<V> shared) {
    CompletableFuture<V> own = new CompletableFuture<>();
    shared.whenComplete((value, failure) -> {
      if (failure != null) {
        own.completeExceptionally(failure);
      } else {
        own.complete(value);
      }
    });
    return own;
  }

  /** Whether a run for {@code key} is in flight now (a hint: it may end the next moment). */
  public boolean isRunning(K key) {
    return running.containsKey(key);
  }

  /** How many keys are in flight (for tests and metrics). */
  int inFlight() {
    return running.size();
  }
}
