package dev.lazaret.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** What every {@link TarballStore} must do; subclasses supply a fresh, empty store per test. */
public abstract class TarballStoreContract {

  /** A fresh, empty store; the subclass opens it before each test and closes it after. */
  protected abstract TarballStore store();

  /** Moves the store's clock forward, so that later uses are more recent than earlier ones. */
  protected abstract void advanceClock(Duration by);

  protected static byte[] randomBytes(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  protected static TarballDigest sha512(byte[] bytes) {
    try {
      return new TarballDigest("SHA-512", MessageDigest.getInstance("SHA-512").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  protected static byte[] readAll(StoredTarball tarball) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < tarball.chunkCount(); i++) {
      out.writeBytes(bytesOf(tarball.readChunk(i)));
    }
    return out.toByteArray();
  }

  protected static byte[] bytesOf(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  /** Stores {@code bytes} appended in slices of {@code slice} bytes, and commits them. */
  protected StoredTarball store(byte[] bytes, int slice) {
    try (TarballWriter writer = store().begin()) {
      for (int at = 0; at < bytes.length; at += slice) {
        writer.append(ByteBuffer.wrap(bytes, at, Math.min(slice, bytes.length - at)));
      }
      return writer.commit(sha512(bytes));
    }
  }

  @Test
  void smallTarballRoundTripsAsOneChunk() {
    byte[] bytes = randomBytes(1000, 1);
    StoredTarball stored = store(bytes, 100);
    assertThat(stored.size()).isEqualTo(1000);
    assertThat(stored.chunkCount()).isEqualTo(1);
    StoredTarball found = store().find(sha512(bytes)).orElseThrow();
    assertThat(found.digest()).isEqualTo(sha512(bytes));
    assertThat(readAll(found)).isEqualTo(bytes);
  }

  @Test
  void multiChunkTarballReadsBackByteIdentical() {
    byte[] bytes = randomBytes(20 * store().chunkSize(), 2);
    store(bytes, 7 * 1024 + 3);
    StoredTarball found = store().find(sha512(bytes)).orElseThrow();
    assertThat(found.chunkCount()).isEqualTo(20);
    assertThat(found.size()).isEqualTo(bytes.length);
    assertThat(readAll(found)).isEqualTo(bytes);
  }

  @Test
  void multiChunkTarballWithShortTailReadsBackByteIdentical() {
    byte[] bytes = randomBytes(3 * store().chunkSize() + 123, 3);
    store(bytes, 64 * 1024);
    StoredTarball found = store().find(sha512(bytes)).orElseThrow();
    assertThat(found.chunkCount()).isEqualTo(4);
    assertThat(found.readChunk(3).remaining()).isEqualTo(123);
    assertThat(readAll(found)).isEqualTo(bytes);
  }

  @Test
  void directReadsMatchHeapReadsAtEveryChunkAndCheckTheirTarget() {
    byte[] bytes = randomBytes(3 * store().chunkSize() + 123, 4);
    store(bytes, 64 * 1024);
    StoredTarball found = store().find(sha512(bytes)).orElseThrow();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < found.chunkCount(); i++) {
      // Room to spare and a non-zero start: the chunk lands at the position, nothing past it.
      ByteBuffer target = ByteBuffer.allocateDirect(found.chunkSize() + 10).position(5);
      int n = found.readChunkInto(i, target);
      assertThat(n).isEqualTo(found.lengthOf(i));
      out.writeBytes(bytesOf(target.clear().position(5).limit(5 + n)));
    }
    assertThat(out.toByteArray()).isEqualTo(bytes);
    assertThat(found.lengthOf(3)).isEqualTo(123);
    assertThatThrownBy(() -> found.readChunkInto(0, ByteBuffer.allocate(found.chunkSize())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> found.readChunkInto(0, ByteBuffer.allocateDirect(10)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> found.readChunkInto(4, ByteBuffer.allocateDirect(10)))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void oneAppendLargerThanSeveralChunksIsSplit() {
    byte[] bytes = randomBytes(5 * store().chunkSize() / 2, 4);
    try (TarballWriter writer = store().begin()) {
      writer.append(ByteBuffer.wrap(bytes));
      assertThat(writer.stagedChunks()).isEqualTo(2);
      assertThat(writer.bytesAppended()).isEqualTo(bytes.length);
      assertThat(readAll(writer.commit(sha512(bytes)))).isEqualTo(bytes);
    }
  }

  @Test
  void emptyTarballHasNoChunks() {
    byte[] empty = new byte[0];
    StoredTarball stored = store(empty, 1);
    assertThat(stored.size()).isZero();
    assertThat(stored.chunkCount()).isZero();
    assertThat(store().find(sha512(empty))).isPresent();
  }

  @Test
  void stagedTarballIsInvisibleUntilCommit() {
    byte[] bytes = randomBytes(2 * store().chunkSize() + 5, 5);
    TarballDigest digest = sha512(bytes);
    try (TarballWriter writer = store().begin()) {
      writer.append(ByteBuffer.wrap(bytes));
      assertThat(writer.stagedChunks()).isEqualTo(2);
      assertThat(store().find(digest)).isEmpty();
      writer.commit(digest);
      assertThat(store().find(digest)).isPresent();
    }
  }

  @Test
  void abortedTarballIsNeverFound() {
    byte[] bytes = randomBytes(2 * store().chunkSize(), 6);
    TarballWriter writer = store().begin();
    writer.append(ByteBuffer.wrap(bytes));
    writer.abort();
    writer.abort();
    assertThat(store().find(sha512(bytes))).isEmpty();
    assertThatThrownBy(() -> writer.append(ByteBuffer.wrap(bytes)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> writer.commit(sha512(bytes)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void closingAnUncommittedWriterAborts() {
    byte[] bytes = randomBytes(100, 7);
    try (TarballWriter writer = store().begin()) {
      writer.append(ByteBuffer.wrap(bytes));
    }
    assertThat(store().find(sha512(bytes))).isEmpty();
  }

  @Test
  void abortAfterCommitKeepsTheTarball() {
    byte[] bytes = randomBytes(store().chunkSize() + 1, 8);
    TarballWriter writer = store().begin();
    writer.append(ByteBuffer.wrap(bytes));
    writer.commit(sha512(bytes));
    writer.abort();
    writer.close();
    assertThat(readAll(store().find(sha512(bytes)).orElseThrow())).isEqualTo(bytes);
  }

  @Test
  void committingAStoredDigestAgainReturnsTheStoredTarball() {
    byte[] bytes = randomBytes(3 * store().chunkSize() + 9, 9);
    StoredTarball first = store(bytes, 4096);
    StoredTarball second = store(bytes, 10_000);
    assertThat(second.digest()).isEqualTo(first.digest());
    assertThat(second.chunkCount()).isEqualTo(first.chunkCount());
    assertThat(readAll(second)).isEqualTo(bytes);
    assertThat(readAll(store().find(sha512(bytes)).orElseThrow())).isEqualTo(bytes);
  }

  @Test
  void identicalDownloadsInFlightTogetherBothCommit() {
    byte[] bytes = randomBytes(2 * store().chunkSize() + 1, 10);
    try (TarballWriter a = store().begin(); TarballWriter b = store().begin()) {
      a.append(ByteBuffer.wrap(bytes));
      b.append(ByteBuffer.wrap(bytes));
      StoredTarball fromA = a.commit(sha512(bytes));
      StoredTarball fromB = b.commit(sha512(bytes));
      assertThat(readAll(fromA)).isEqualTo(bytes);
      assertThat(readAll(fromB)).isEqualTo(bytes);
    }
  }

  @Test
  void stagedChunksAreReadableWhileTheWriterAppends() throws Exception {
    int chunks = 12;
    byte[] bytes = randomBytes(chunks * store().chunkSize(), 11);
    ExecutorService follower = Executors.newSingleThreadExecutor();
    try (TarballWriter writer = store().begin()) {
      Future<byte[]> followed = follower.submit(() -> {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        for (int next = 0; next < chunks; ) {
          if (next < writer.stagedChunks()) {
            seen.writeBytes(bytesOf(writer.readStagedChunk(next++)));
          } else {
            Thread.onSpinWait();
          }
        }
        return seen.toByteArray();
      });
      for (int at = 0; at < bytes.length; at += 10_007) {
        writer.append(ByteBuffer.wrap(bytes, at, Math.min(10_007, bytes.length - at)));
      }
      assertThat(followed.get(30, TimeUnit.SECONDS)).isEqualTo(bytes);
      writer.commit(sha512(bytes));
    } finally {
      follower.shutdownNow();
    }
  }

  @Test
  void readingAChunkNotYetStagedFails() {
    try (TarballWriter writer = store().begin()) {
      writer.append(ByteBuffer.wrap(randomBytes(store().chunkSize() + 1, 12)));
      assertThat(bytesOf(writer.readStagedChunk(0))).hasSize(store().chunkSize());
      assertThatThrownBy(() -> writer.readStagedChunk(1))
          .isInstanceOf(IndexOutOfBoundsException.class);
    }
  }

  @Test
  void readingPastTheLastChunkFails() {
    StoredTarball stored = store(randomBytes(10, 13), 10);
    assertThatThrownBy(() -> stored.readChunk(1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> stored.readChunk(-1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void differentBytesAreStoredApart() {
    List<byte[]> tarballs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      tarballs.add(randomBytes(store().chunkSize() / 3 * (i + 1), 100 + i));
      store(tarballs.get(i), 8192);
    }
    for (byte[] bytes : tarballs) {
      assertThat(readAll(store().find(sha512(bytes)).orElseThrow())).isEqualTo(bytes);
    }
  }

  @Test
  void storedBytesCountsEachCommittedDigestOnce() {
    assertThat(store().storedBytes()).isZero();
    byte[] a = randomBytes(store().chunkSize() + 10, 30);
    byte[] b = randomBytes(500, 31);
    store(a, 4096);
    store(b, 100);
    store(a, 9999);
    try (TarballWriter staged = store().begin()) {
      staged.append(ByteBuffer.wrap(randomBytes(2 * store().chunkSize(), 32)));
      assertThat(store().storedBytes()).isEqualTo(a.length + b.length);
    }
  }

  @Test
  void evictionBelowTheTotalDoesNothing() {
    store(randomBytes(1000, 33), 1000);
    assertThat(store().evictTo(1000)).isEqualTo(Eviction.NONE);
    assertThat(store().evictTo(Long.MAX_VALUE)).isEqualTo(Eviction.NONE);
    assertThat(store().storedBytes()).isEqualTo(1000);
    assertThatThrownBy(() -> store().evictTo(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void evictionTakesTheLeastRecentlyUsedFirst() {
    int size = store().chunkSize() / 2;
    byte[] a = randomBytes(size, 34);
    byte[] b = randomBytes(size, 35);
    byte[] c = randomBytes(size, 36);
    byte[] d = randomBytes(size, 37);
    for (byte[] bytes : List.of(a, b, c, d)) {
      store(bytes, size);
      advanceClock(Duration.ofMinutes(1));
    }
    // Use order now (oldest first): b, d, a, c.
    store().find(sha512(a)).orElseThrow();
    advanceClock(Duration.ofMinutes(1));
    store().find(sha512(c)).orElseThrow();

    assertThat(store().evictTo(3L * size)).isEqualTo(new Eviction(1, size));
    assertThat(store().find(sha512(b))).isEmpty();
    assertThat(store().evictTo(2L * size)).isEqualTo(new Eviction(1, size));
    assertThat(store().find(sha512(d))).isEmpty();
    assertThat(readAll(store().find(sha512(a)).orElseThrow())).isEqualTo(a);
    assertThat(readAll(store().find(sha512(c)).orElseThrow())).isEqualTo(c);
  }

  @Test
  void evictionStopsOnceTheTotalIsWithinTheLimit() {
    long total = 0;
    for (int i = 0; i < 8; i++) {
      byte[] bytes = randomBytes(store().chunkSize() / 4 * (i + 1) + i, 40 + i);
      store(bytes, 8192);
      total += bytes.length;
      advanceClock(Duration.ofSeconds(1));
    }
    long limit = total / 3;
    Eviction evicted = store().evictTo(limit);
    assertThat(store().storedBytes()).isLessThanOrEqualTo(limit).isEqualTo(total - evicted.bytes());
    // The oldest are the smallest here, so more than one had to go, but not all.
    assertThat(evicted.tarballs()).isBetween(2, 7);
    assertThat(store().evictTo(0).bytes()).isEqualTo(total - evicted.bytes());
    assertThat(store().storedBytes()).isZero();
  }

  @Test
  void aDownloadAgainOfAStoredTarballCountsAsAUse() {
    int size = 1000;
    byte[] old = randomBytes(size, 50);
    byte[] young = randomBytes(size, 51);
    store(old, size);
    advanceClock(Duration.ofMinutes(1));
    store(young, size);
    advanceClock(Duration.ofMinutes(1));
    store(old, size);
    store().evictTo(size);
    assertThat(store().find(sha512(young))).isEmpty();
    assertThat(store().find(sha512(old))).isPresent();
  }

  @Test
  void anEvictedTarballCanBeStoredAgain() {
    byte[] bytes = randomBytes(2 * store().chunkSize() + 1, 52);
    store(bytes, 65536);
    assertThat(store().evictTo(0)).isEqualTo(new Eviction(1, bytes.length));
    assertThat(store().find(sha512(bytes))).isEmpty();
    store(bytes, 65536);
    assertThat(readAll(store().find(sha512(bytes)).orElseThrow())).isEqualTo(bytes);
    assertThat(store().storedBytes()).isEqualTo(bytes.length);
  }

  @Test
  void aReaderOfAnEvictedTarballFailsRatherThanReadOtherBytes() {
    byte[] bytes = randomBytes(3 * store().chunkSize(), 53);
    store(bytes, 65536);
    StoredTarball reading = store().find(sha512(bytes)).orElseThrow();
    assertThat(bytesOf(reading.readChunk(0))).isEqualTo(java.util.Arrays.copyOf(bytes, store().chunkSize()));
    store().evictTo(0);
    assertThatThrownBy(() -> reading.readChunk(1)).isInstanceOf(StoreException.class)
        .hasMessageContaining("missing");
    // Stored again: the old reader's chunks are still gone; new readers get the new copy.
    store(bytes, 65536);
    assertThatThrownBy(() -> reading.readChunk(1)).isInstanceOf(StoreException.class);
    assertThat(readAll(store().find(sha512(bytes)).orElseThrow())).isEqualTo(bytes);
  }

  @Test
  void concurrentReadersSeeWholeTarballsOrFailuresWhileEvictionAndCommitsRun() throws Exception {
    List<byte[]> tarballs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      tarballs.add(randomBytes(3 * store().chunkSize() + i * 1000, 60 + i));
    }
    tarballs.forEach(bytes -> store(bytes, 65536));
    ExecutorService readers = Executors.newFixedThreadPool(4);
    AtomicBoolean running = new AtomicBoolean(true);
    try {
      List<Future<int[]>> outcomes = new ArrayList<>();
      for (int r = 0; r < 4; r++) {
        int offset = r;
        outcomes.add(readers.submit(() -> {
          int complete = 0;
          int failed = 0;
          for (int i = offset; running.get(); i++) {
            byte[] expected = tarballs.get(i % tarballs.size());
            StoredTarball found = store().find(sha512(expected)).orElse(null);
            if (found == null) {
              continue;
            }
            try {
              assertThat(readAll(found)).isEqualTo(expected);
              complete++;
            } catch (StoreException e) {
              failed++;
            }
          }
          return new int[] {complete, failed};
        }));
      }
      for (int round = 0; round < 30; round++) {
        store().evictTo(round % 2 == 0 ? 0 : store().storedBytes() / 2);
        for (byte[] bytes : tarballs) {
          store(bytes, 65536);
        }
      }
      running.set(false);
      int complete = 0;
      for (Future<int[]> outcome : outcomes) {
        complete += outcome.get(60, TimeUnit.SECONDS)[0];
      }
      assertThat(complete).isPositive();
    } finally {
      running.set(false);
      readers.shutdownNow();
    }
    for (byte[] bytes : tarballs) {
      assertThat(readAll(store().find(sha512(bytes)).orElseThrow())).isEqualTo(bytes);
    }
    assertThat(store().storedBytes())
        .isEqualTo(tarballs.stream().mapToLong(bytes -> bytes.length).sum());
  }
}
