package dev.lazaret.proxy.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazaret.proxy.npm.PackageName;
import dev.lazaret.proxy.npm.VersionEntry;
import dev.lazaret.proxy.registry.TarballSource.TarballAbortedException;
import dev.lazaret.proxy.upstream.PackumentResponse;
import dev.lazaret.proxy.upstream.RelayResponse;
import dev.lazaret.proxy.upstream.TarballResponse;
import dev.lazaret.proxy.upstream.Upstream;
import dev.lazaret.proxy.upstream.UpstreamException;
import dev.lazaret.storage.Storage;
import dev.lazaret.storage.StorageOptions;
import dev.lazaret.storage.StoredTarball;
import dev.lazaret.storage.TarballDigest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One shared tarball download against a real store with tiny chunks and an upstream body the
 * test feeds piece by piece: what followers get, when, and what happens when things go wrong.
 */
class TarballDownloadTest {

  private static final int CHUNK = 16;
  private static final PackageName NAME = PackageName.parse("left-pad");
  private static final ByteBufAllocator ALLOC = UnpooledByteBufAllocator.DEFAULT;
  private static final byte[] EOF = new byte[0];

  @TempDir Path dir;
  private Storage storage;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final byte[] body = bytes(40);
  private final FedUpstream upstream = new FedUpstream();

  @BeforeEach
  void open() {
    storage = Storage.open(new StorageOptions(dir, 0, CHUNK));
  }

  @AfterEach
  void close() {
    threads.shutdownNow();
    storage.close();
  }

  @Test
  void everyFollowerGetsTheVerifiedBytesAndTheTarballIsCommitted() throws Exception {
    TarballDownload download = download(sha512(body));
    CompletableFuture<byte[]> first = readAll(download.follow());
    CompletableFuture<byte[]> second = readAll(download.follow());
    CompletableFuture<StoredTarball> run = CompletableFuture.supplyAsync(download::run, threads);

    upstream.answer(body.length);
    upstream.feed(Arrays.copyOfRange(body, 0, 20), Arrays.copyOfRange(body, 20, 40), EOF);

    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(body);
    assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(body);
    assertThat(run.get(10, TimeUnit.SECONDS)).isNotNull();
    assertThat(storage.tarballs().find(sha512(body))).isPresent();
    // A follower arriving after the commit reads it from the store.
    assertThat(readAll(download.follow()).get(10, TimeUnit.SECONDS)).isEqualTo(body);
  }

  @Test
  void aTarballThatDoesNotMatchItsDigestNeverReachesAClientWhole() throws Exception {
    TarballDigest expected = sha512(bytes(40));
    byte[] tampered = body.clone();
    tampered[39] ^= 1;
    TarballDownload download = download(expected);
    CompletableFuture<byte[]> follower = readAll(download.follow());
    CompletableFuture<StoredTarball> run = CompletableFuture.supplyAsync(download::run, threads);

    upstream.answer(tampered.length);
    upstream.feed(tampered, EOF);

    assertThat(run.get(10, TimeUnit.SECONDS)).isNull();
    assertAborted(follower, 502, "does not match its integrity");
    assertThat(storage.tarballs().find(expected)).isEmpty();
  }

  @Test
  void theLastChunkIsHeldBackUntilTheDigestIsVerified() throws Exception {
    TarballDownload download = download(sha512(body));
    CompletableFuture<StoredTarball> run = CompletableFuture.supplyAsync(download::run, threads);
    upstream.answer(body.length);
    TarballSource source = download.follow();
    assertThat(source.awaitLength()).hasValue(body.length);

    // Two whole chunks staged: the first may go (a later one exists), the second may not yet.
    upstream.feed(Arrays.copyOfRange(body, 0, 32));
    ByteBuf firstChunk = source.next(0, ALLOC);
    try {
      assertThat(firstChunk.readableBytes()).isEqualTo(CHUNK);
    } finally {
      firstChunk.release();
    }
    CompletableFuture<ByteBuf> secondChunk =
        CompletableFuture.supplyAsync(() -> next(source, CHUNK), threads);
    upstream.awaitReading();
    assertThat(secondChunk).as("held back until verified").isNotDone();

    upstream.feed(Arrays.copyOfRange(body, 32, 40), EOF);
    ByteBuf second = secondChunk.get(10, TimeUnit.SECONDS);
    second.release();
    assertThat(run.get(10, TimeUnit.SECONDS)).isNotNull();
  }

  @Test
  void anUpstreamThatBreaksOffMidBodyAbortsEveryFollowerAndLeavesNothingStored()
      throws Exception {
    TarballDownload download = download(sha512(body));
    CompletableFuture<byte[]> follower = readAll(download.follow());
    CompletableFuture<StoredTarball> run = CompletableFuture.supplyAsync(download::run, threads);

    upstream.answer(body.length);
    upstream.feed(Arrays.copyOfRange(body, 0, 20));
    upstream.breakOff();

    assertThat(run.get(10, TimeUnit.SECONDS)).isNull();
    assertAborted(follower, 502, "failed");
    assertThat(storage.tarballs().find(sha512(body))).isEmpty();
  }

  @Test
  void upstreamRefusalsMapToTheirAnswers() throws Exception {
    TarballDownload missing = download(sha512(body));
    upstream.refuse(new UpstreamException(404, "not found"));
    missing.run();
    assertAborted(readAll(missing.follow()), 404, "not found upstream");

    TarballDownload slow = download(sha512(body));
    upstream.refuse(new UpstreamException(UpstreamException.Kind.TIMEOUT, "no answer in 30 s"));
    slow.run();
    assertAborted(readAll(slow.follow()), 504, "no answer in 30 s");
  }

  @Test
  void aFollowerThatGivesUpDoesNotDisturbTheDownloadOrTheOthers() throws Exception {
    TarballDownload download = download(sha512(body));
    CountDownLatch interrupted = new CountDownLatch(1);
    CompletableFuture<Throwable> quitter = CompletableFuture.supplyAsync(() -> {
      Thread.currentThread().interrupt();
      try {
        download.follow().awaitLength();
        return null;
      } catch (Exception e) {
        return e;
      } finally {
        interrupted.countDown();
      }
    }, threads);
    CompletableFuture<byte[]> patient = readAll(download.follow());
    CompletableFuture<StoredTarball> run = CompletableFuture.supplyAsync(download::run, threads);

    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(quitter.get()).isInstanceOf(InterruptedException.class);
    upstream.answer(body.length);
    upstream.feed(body, EOF);
    assertThat(patient.get(10, TimeUnit.SECONDS)).isEqualTo(body);
    assertThat(run.get(10, TimeUnit.SECONDS)).isNotNull();
  }

  private TarballDownload download(TarballDigest digest) {
    VersionEntry version = new VersionEntry("1.0.0", "left-pad-1.0.0.tgz",
        "http://127.0.0.1:1/left-pad/-/left-pad-1.0.0.tgz", Optional.of(digest), null, null);
    return new TarballDownload(NAME, version, digest, storage.tarballs(), upstream);
  }

  /** Reads a source to its end on a thread of its own. */
  private CompletableFuture<byte[]> readAll(TarballSource source) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        source.awaitLength();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuf piece; (piece = source.next(out.size(), ALLOC)) != null; ) {
          try {
            byte[] b = new byte[piece.readableBytes()];
            piece.readBytes(b);
            out.write(b);
          } finally {
            piece.release();
          }
        }
        return out.toByteArray();
      } catch (TarballAbortedException | InterruptedException | IOException e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    }, threads);
  }

  private static ByteBuf next(TarballSource source, long offset) {
    try {
      return source.next(offset, ALLOC);
    } catch (TarballAbortedException | InterruptedException e) {
      throw new java.util.concurrent.CompletionException(e);
    }
  }

  private static void assertAborted(CompletableFuture<byte[]> follower, int status,
      String message) {
    assertThatThrownBy(() -> follower.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOfSatisfying(TarballAbortedException.class, e -> {
          assertThat(e.error().status()).isEqualTo(status);
          assertThat(e.error().getMessage()).contains(message);
        });
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 7 + 3);
    }
    return b;
  }

  private static TarballDigest sha512(byte[] data) {
    try {
      return new TarballDigest("SHA-512", MessageDigest.getInstance("SHA-512").digest(data));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An upstream whose answer and body bytes the test hands over when it chooses. */
  private static final class FedUpstream implements Upstream {
    private final CompletableFuture<Object> answer = new CompletableFuture<>();
    private final BlockingQueue<Object> pieces = new LinkedBlockingQueue<>();
    /** Signalled each time the download asks for more bytes than were fed. */
    private final BlockingQueue<Boolean> reading = new LinkedBlockingQueue<>();
    private volatile UpstreamException refusal;

    void answer(long length) {
      answer.complete(length);
    }

    void refuse(UpstreamException e) {
      refusal = e;
    }

    void feed(byte[]... more) {
      pieces.addAll(Arrays.asList(more));
    }

    void breakOff() {
      pieces.add(new IOException("connection reset"));
    }

    /** Waits until the download has consumed everything fed so far and waits for more. */
    void awaitReading() throws InterruptedException {
      while (true) {
        Boolean waiting = reading.poll(10, TimeUnit.SECONDS);
        if (waiting == null) {
          throw new IllegalStateException("the download never asked for more");
        }
        if (pieces.isEmpty()) {
          return;
        }
      }
    }

    @Override
    public TarballResponse tarball(String url) throws UpstreamException {
      if (refusal != null) {
        throw refusal;
      }
      long length = (Long) answer.join();
      return new TarballResponse(OptionalLong.of(length), new InputStream() {
        private byte[] current = new byte[0];
        private int at;

        @Override
        public int read() throws IOException {
          byte[] one = new byte[1];
          return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          while (current != EOF && at == current.length) {
            if (pieces.isEmpty()) {
              reading.add(true);
            }
            Object next;
            try {
              next = pieces.take();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IOException(e);
            }
            if (next instanceof IOException e) {
              throw e;
            }
            current = (byte[]) next;
            at = 0;
          }
          if (current == EOF) {
            return -1;
          }
          int n = Math.min(len, current.length - at);
          System.arraycopy(current, at, b, off, n);
          at += n;
          return n;
        }
      });
    }

    @Override
    public URI base() {
      return URI.create("http://127.0.0.1:1/");
    }

    @Override
    public PackumentResponse packument(PackageName name, String etag, String lastModified) {
      throw new UnsupportedOperationException();
    }

    @Override
    public RelayResponse relay(String method, String pathAndQuery, Map<String, String> headers,
        byte[] body) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
  }
}
