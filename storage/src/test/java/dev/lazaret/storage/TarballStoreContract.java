package dev.lazaret.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every {@link TarballStore} must do; subclasses supply a fresh, empty store per test. */
public abstract class TarballStoreContract {

  /** A fresh, empty store; the subclass opens it before each test and closes it after. */
  protected abstract TarballStore store();

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
}
