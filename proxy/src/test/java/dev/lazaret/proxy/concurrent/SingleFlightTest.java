package dev.lazaret.proxy.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Coalescing, completion order, failures and cancellation, on an executor the test drives. */
class SingleFlightTest {

  /** Queues tasks until the test runs them: every interleaving is chosen, none is timed. */
  private static final class ManualExecutor implements Executor {
    private final Deque<Runnable> queued = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
      queued.add(task);
    }

    void runNext() {
      queued.removeFirst().run();
    }

    int pending() {
      return queued.size();
    }
  }

  private final ManualExecutor executor = new ManualExecutor();
  private final SingleFlight<String, String> flights = new SingleFlight<>(executor);
  private final AtomicInteger runs = new AtomicInteger();

  @Test
  void concurrentCallersForOneKeyShareOneRun() throws Exception {
    CompletableFuture<String> a = flights.run("k", () -> "answer " + runs.incrementAndGet());
    CompletableFuture<String> b = flights.run("k", () -> "answer " + runs.incrementAndGet());
    assertThat(executor.pending()).isEqualTo(1);
    assertThat(flights.isRunning("k")).isTrue();

    executor.runNext();
    assertThat(a.get()).isEqualTo("answer 1");
    assertThat(b.get()).isEqualTo("answer 1");
    assertThat(runs).hasValue(1);
    assertThat(flights.inFlight()).isZero();
  }

  @Test
  void differentKeysRunSeparately() {
    flights.run("a", () -> "a");
    flights.run("b", () -> "b");
    assertThat(executor.pending()).isEqualTo(2);
    assertThat(flights.inFlight()).isEqualTo(2);
  }

  @Test
  void aCallerWokenByTheAnswerThatAsksAgainStartsANewRun() throws Exception {
    CompletableFuture<String> second = new CompletableFuture<>();
    flights.run("k", () -> "first").thenAccept(v ->
        flights.run("k", () -> "second").thenAccept(second::complete));

    executor.runNext();
    assertThat(executor.pending()).as("a new run, not the finished one").isEqualTo(1);
    executor.runNext();
    assertThat(second.get()).isEqualTo("second");
  }

  @Test
  void aFailedRunFailsEveryCallerAndIsForgotten() {
    IllegalStateException boom = new IllegalStateException("upstream exploded");
    CompletableFuture<String> a = flights.run("k", () -> {
      throw boom;
    });
    CompletableFuture<String> b = flights.run("k", () -> "never");
    executor.runNext();

    assertThatThrownBy(a::get).isInstanceOf(ExecutionException.class).hasCause(boom);
    assertThatThrownBy(b::get).isInstanceOf(ExecutionException.class).hasCause(boom);
    assertThat(flights.isRunning("k")).isFalse();

    CompletableFuture<String> again = flights.run("k", () -> "recovered");
    executor.runNext();
    assertThat(again.join()).isEqualTo("recovered");
  }

  @Test
  void aCallerCancellingItsFutureDoesNotCancelTheOthersNorTheRun() throws Exception {
    CompletableFuture<String> impatient = flights.run("k", () -> "answer");
    CompletableFuture<String> patient = flights.run("k", () -> "never");
    impatient.cancel(true);

    CompletableFuture<String> late = flights.run("k", () -> "never");
    executor.runNext();
    assertThat(patient.get()).isEqualTo("answer");
    assertThat(late.get()).isEqualTo("answer");
    assertThat(impatient.isCancelled()).isTrue();
  }

  @Test
  void aRejectedRunFailsInsteadOfLeavingCallersWaiting() {
    SingleFlight<String, String> closed = new SingleFlight<>(task -> {
      throw new RejectedExecutionException("shut down");
    });
    CompletableFuture<String> f = closed.run("k", () -> "never");
    assertThat(f).isCompletedExceptionally();
    assertThat(closed.isRunning("k")).isFalse();
  }
}
