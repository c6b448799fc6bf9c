package dev.lazaret.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** What every {@link AuditLog} must do; subclasses supply a fresh, empty log per test. */
public abstract class AuditLogContract {

  protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  /** A fresh, empty log; the subclass opens it before each test and closes it after. */
  protected abstract AuditLog log();

  protected static byte[] payload(String text) {
    return text.getBytes(UTF_8);
  }

  protected static List<Long> sequences(List<AuditEntry> entries) {
    return entries.stream().map(AuditEntry::sequence).toList();
  }

  @Test
  void anEmptyLogHasNothing() {
    assertThat(log().lastSequence()).isZero();
    assertThat(log().after(0, 10)).isEmpty();
    assertThat(log().since(Instant.EPOCH, 10)).isEmpty();
  }

  @Test
  void appendsAreNumberedFromOneAndReadBackExactly() {
    AuditEntry first = log().append(T0, payload("{\"hold\":\"evil@1\"}"));
    AuditEntry second = log().append(T0.plusNanos(1), new byte[0]);
    assertThat(first).isEqualTo(new AuditEntry(1, T0, payload("{\"hold\":\"evil@1\"}")));
    assertThat(second.sequence()).isEqualTo(2);
    assertThat(log().lastSequence()).isEqualTo(2);
    assertThat(log().after(0, 10)).containsExactly(first, second);
  }

  @Test
  void afterPagesInSequenceOrder() {
    for (int i = 0; i < 25; i++) {
      log().append(T0.plusSeconds(i), payload("e" + i));
    }
    assertThat(sequences(log().after(0, 10))).isEqualTo(LongStream.rangeClosed(1, 10).boxed().toList());
    assertThat(sequences(log().after(10, 10))).isEqualTo(LongStream.rangeClosed(11, 20).boxed().toList());
    assertThat(sequences(log().after(20, 10))).containsExactly(21L, 22L, 23L, 24L, 25L);
    assertThat(log().after(25, 10)).isEmpty();
    assertThat(log().after(Long.MAX_VALUE, 10)).isEmpty();
    assertThat(sequences(log().after(-5, 2))).containsExactly(1L, 2L);
  }

  @Test
  void sinceIsOrderedByTimeThenSequenceWhateverTheAppendOrder() {
    AuditEntry late = log().append(T0.plusSeconds(30), payload("late"));
    AuditEntry early = log().append(T0.plusSeconds(10), payload("early"));
    AuditEntry tieA = log().append(T0.plusSeconds(20), payload("tie-a"));
    AuditEntry tieB = log().append(T0.plusSeconds(20), payload("tie-b"));
    AuditEntry before = log().append(T0.minusSeconds(1), payload("before"));
    AuditEntry preEpoch = log().append(Instant.parse("1969-12-31T23:59:59Z"), payload("1969"));

    assertThat(log().since(T0, 10)).containsExactly(early, tieA, tieB, late);
    assertThat(log().since(T0.plusSeconds(20), 10)).containsExactly(tieA, tieB, late);
    assertThat(log().since(T0.plusSeconds(20).plusNanos(1), 10)).containsExactly(late);
    assertThat(log().since(T0, 2)).containsExactly(early, tieA);
    assertThat(log().since(Instant.MIN, 10))
        .containsExactly(preEpoch, before, early, tieA, tieB, late);
  }

  @Test
  void concurrentAppendsGetDistinctConsecutiveNumbers() throws Exception {
    int threads = 8;
    int perThread = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<Long>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          start.await();
          List<Long> mine = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            mine.add(log().append(T0, payload(thread + ":" + i)).sequence());
          }
          return mine;
        }));
      }
      start.countDown();
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> result : results) {
        List<Long> mine = result.get(60, TimeUnit.SECONDS);
        assertThat(mine).isSorted();
        all.addAll(mine);
      }
      assertThat(all).doesNotHaveDuplicates().hasSize(threads * perThread);
      assertThat(all.stream().sorted().toList())
          .isEqualTo(LongStream.rangeClosed(1, threads * perThread).boxed().toList());
      assertThat(log().lastSequence()).isEqualTo(threads * perThread);
      assertThat(sequences(log().after(0, threads * perThread)))
          .isEqualTo(LongStream.rangeClosed(1, threads * perThread).boxed().toList());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void invalidArgumentsAreRejected() {
    assertThatThrownBy(() -> log().after(0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> log().since(T0, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> log().append(null, new byte[0])).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> log().append(T0, null)).isInstanceOf(NullPointerException.class);
    assertThat(log().lastSequence()).isZero();
  }
}
