package dev.lazaret.proxy.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The background writer behind hold and publisher records: one value per key (the latest,
 * merged), retried until stored on store errors, bounded, and awaitable.
 */
class CoalescingWriterTest {

  private static final Duration PATIENT = Duration.ofSeconds(30);
  private static final Duration QUICK_RETRY = Duration.ofMillis(1);

  private final List<String> written = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private CoalescingWriter<String> writer;

  @AfterEach
  void close() {
    release.countDown();
    if (writer != null) {
      writer.close(Duration.ZERO);
    }
  }

  private CoalescingWriter<String> writer(int capacity, Consumer<String> write) {
    writer = new CoalescingWriter<>("test values", capacity, (older, newer) -> older + "+" + newer,
        write, QUICK_RETRY, QUICK_RETRY);
    return writer;
  }

  /** Writes the value; the first write waits for {@link #release} (holding the queue up). */
  private Consumer<String> heldUpFirst(CountDownLatch started) {
    return value -> {
      started.countDown();
      await(release);
      written.add(value);
    };
  }

  @Test
  void valuesSubmittedForAKeyWhileItWaitsAreMergedIntoOneWrite() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    writer(10, heldUpFirst(started));
    writer.submit("blocker", "b");
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
    writer.submit("pkg", "1");
    writer.submit("other", "x");
    writer.submit("pkg", "2");
    writer.submit("pkg", "3");
    assertThat(writer.pending()).isEqualTo(3);
    assertThat(writer.latest("pkg")).contains("1+2+3");
    assertThat(writer.latest("blocker")).as("in flight").contains("b");

    release.countDown();
    assertThat(writer.awaitWritten(PATIENT)).isTrue();
    assertThat(written).containsExactly("b", "1+2+3", "x");
    assertThat(writer.pending()).isZero();
    assertThat(writer.latest("pkg")).isEmpty();
  }

  @Test
  void aFullQueueDropsNewKeysAndCountsThemButStillMergesWaitingOnes() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    writer(2, heldUpFirst(started));
    writer.submit("blocker", "b");
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(writer.submit("a", "1")).isTrue();
    assertThat(writer.submit("c", "1")).isTrue();
    assertThat(writer.submit("d", "1")).as("a third key waiting").isFalse();
    assertThat(writer.submit("a", "2")).as("merged, takes no room").isTrue();
    assertThat(writer.dropped()).isEqualTo(1);

    release.countDown();
    assertThat(writer.awaitWritten(PATIENT)).isTrue();
    assertThat(written).containsExactly("b", "1+2", "1");
  }

  @Test
  void aWriteFailingOnAStoreErrorIsRetriedUntilStoredAndNeverLost() {
    AtomicInteger attempts = new AtomicInteger();
    writer(10, value -> {
      if (attempts.incrementAndGet() <= 20) {
        throw new StateUnavailableException("test: database down", null);
      }
      written.add(value);
    });
    writer.submit("pkg", "1");

    assertThat(writer.awaitWritten(PATIENT)).isTrue();
    assertThat(written).containsExactly("1");
    assertThat(writer.failures()).isEqualTo(20);
    assertThat(writer.dropped()).isZero();
  }

  @Test
  void aValueSubmittedWhileAWriteFailsIsMergedIntoTheRetry() throws Exception {
    CountDownLatch failing = new CountDownLatch(1);
    AtomicInteger attempts = new AtomicInteger();
    writer(10, value -> {
      if (attempts.incrementAndGet() == 1) {
        failing.countDown();
        await(release);
        throw new StateUnavailableException("test: database down", null);
      }
      written.add(value);
    });
    writer.submit("pkg", "1");
    assertThat(failing.await(30, TimeUnit.SECONDS)).isTrue();
    writer.submit("pkg", "2");
    release.countDown();

    assertThat(writer.awaitWritten(PATIENT)).isTrue();
    assertThat(written).containsExactly("1+2");
  }

  @Test
  void aWriteFailingOnABugIsGivenUpAfterAFewAttemptsAndTheOthersStillGetWritten() {
    AtomicInteger attempts = new AtomicInteger();
    writer(10, value -> {
      if (value.equals("poison")) {
        attempts.incrementAndGet();
        throw new IllegalStateException("test: a bug");
      }
      written.add(value);
    });
    writer.submit("bad", "poison");
    writer.submit("good", "fine");

    assertThat(writer.awaitWritten(PATIENT)).isTrue();
    assertThat(written).containsExactly("fine");
    assertThat(attempts.get()).isEqualTo(CoalescingWriter.MAX_ATTEMPTS_ON_BUG);
    assertThat(writer.dropped()).isEqualTo(1);
  }

  @Test
  void awaitingReportsWhatIsStillUnwrittenWhenTheStateStaysDown() {
    writer(10, value -> {
      throw new StateUnavailableException("test: database down", null);
    });
    writer.submit("pkg", "1");
    assertThat(writer.awaitWritten(Duration.ofMillis(50))).isFalse();
    assertThat(writer.pending()).isEqualTo(1);
  }

  @Test
  void closingWritesWhatWaitsThenDropsLaterSubmissions() {
    writer(10, written::add);
    writer.submit("a", "1");
    writer.submit("b", "2");
    writer.close(PATIENT);
    assertThat(written).containsExactly("1", "2");
    assertThat(writer.submit("c", "3")).isFalse();
    assertThat(writer.dropped()).isEqualTo(1);
  }

  @Test
  void closingGivesUpAfterItsBoundWhenTheStateStaysDown() {
    writer(10, value -> {
      throw new StateUnavailableException("test: database down", null);
    });
    writer.submit("pkg", "1");
    writer.close(Duration.ofMillis(50));
    assertThat(written).isEmpty();
    assertThat(writer.awaitWritten(Duration.ZERO)).isFalse();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
