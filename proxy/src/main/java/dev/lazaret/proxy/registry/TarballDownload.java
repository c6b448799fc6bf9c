package dev.lazaret.proxy.registry;

import dev.lazaret.proxy.npm.Integrity;
import dev.lazaret.proxy.npm.PackageName;
import dev.lazaret.proxy.npm.VersionEntry;
import dev.lazaret.proxy.upstream.TarballResponse;
import dev.lazaret.proxy.upstream.Upstream;
import dev.lazaret.proxy.upstream.UpstreamException;
import dev.lazaret.storage.StoredTarball;
import dev.lazaret.storage.TarballDigest;
import dev.lazaret.storage.TarballStore;
import dev.lazaret.storage.TarballWriter;
import dev.lazaret.storage.WritesFailingException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.OptionalLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One upstream tarball download, shared by every client that asks for it meanwhile. Bytes are
 * staged in the store as they arrive and sent on to the clients from there, so the first byte
 * does not wait for the last and slow clients cost no heap. The newest staged chunk is held back
 * until the digest is verified: no client ever receives a complete tarball that does not match
 * its integrity, and a mismatching one is never committed.
 */
final class TarballDownload {

  private static final Logger log = LoggerFactory.getLogger(TarballDownload.class);
  private static final int READ_BUFFER = 64 << 10;

  private enum State { CONNECTING, RECEIVING, COMMITTED, FAILED }

  private final PackageName name;
  private final VersionEntry version;
  private final TarballDigest digest;
  private final TarballStore store;
  private final Upstream upstream;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private State state = State.CONNECTING;
  private OptionalLong length = OptionalLong.empty();
  private TarballWriter writer;
  private int staged;
  private StoredTarball committed;
  private RegistryException failure;

  TarballDownload(PackageName name, VersionEntry version, TarballDigest digest, TarballStore store,
      Upstream upstream) {
    this.name = name;
    this.version = version;
    this.digest = digest;
    this.store = store;
    this.upstream = upstream;
  }

  /** Downloads, verifies and commits; runs on its own (virtual) thread. Returns the stored tarball or null. */
  StoredTarball run() {
    String what = name + "@" + version.version();
    try (TarballWriter w = store.begin()) {
      TarballResponse response;
      try {
        response = upstream.tarball(version.upstreamTarball());
      } catch (UpstreamException e) {
        fail(e.status() == 404 || e.status() == 410
            ? new RegistryException.NotFound("tarball for " + what + " not found upstream")
            : new RegistryException.UpstreamFailed(e.getMessage(),
                e.kind() == UpstreamException.Kind.TIMEOUT));
        return null;
      }
      MessageDigest md = newDigest();
      update(s -> {
        writer = w;
        length = response.contentLength();
        state = State.RECEIVING;
      });
      try (InputStream in = response.body()) {
        byte[] buf = new byte[READ_BUFFER];
        for (int n; (n = in.read(buf)) >= 0; ) {
          md.update(buf, 0, n);
          w.append(ByteBuffer.wrap(buf, 0, n));
          int nowStaged = w.stagedChunks();
          if (nowStaged != staged) {
            update(s -> staged = nowStaged);
          }
        }
      } catch (IOException e) {
        w.abort();
        fail(new RegistryException.UpstreamFailed(
            "download of " + what + " failed: " + e.getMessage(), false));
        return null;
      }
      byte[] actual = md.digest();
      if (!MessageDigest.isEqual(actual, digest.value())) {
        w.abort();
        log.error("INTEGRITY MISMATCH: {} from {} has {} but its packument says {}; refused, not cached",
            what, version.upstreamTarball(),
            Integrity.sri(new TarballDigest(digest.algorithm(), actual)), Integrity.sri(digest));
        fail(new RegistryException.UpstreamFailed("tarball for " + what
            + " does not match its integrity " + Integrity.sri(digest) + "; refused", false));
        return null;
      }
      StoredTarball stored = w.commit(digest);
      update(s -> {
        committed = stored;
        state = State.COMMITTED;
      });
      return stored;
    } catch (WritesFailingException e) {
      // Not streamed past the store: every follower reads the staged copy, and an unstored
      // tarball would have nothing to follow. The store logged why once and recovers by itself;
      // the responder logs each refusal.
      fail(storeUnavailable(what, e));
      return null;
    } catch (RuntimeException e) {
      log.error("download of {} failed", what, e);
      fail(new RegistryException.UpstreamFailed("download of " + what + " failed", false));
      return null;
    }
  }

  /** The answer while the store cannot take a new tarball. */
  static RegistryException storeUnavailable(String what, WritesFailingException e) {
    return new RegistryException.StoreUnavailable("cannot download " + what
        + ": Lazaret's storage is failing (" + e.failure().describe()
        + "); cached packages are still served, try again later");
  }

  /** A source that follows this download for one client. */
  TarballSource follow() {
    return new TarballSource() {
      @Override
      public OptionalLong awaitLength() throws TarballAbortedException, InterruptedException {
        lock.lockInterruptibly();
        try {
          while (state == State.CONNECTING) {
            changed.await();
          }
          if (state == State.FAILED) {
            throw new TarballAbortedException(failure);
          }
          return state == State.COMMITTED ? OptionalLong.of(committed.size()) : length;
        } finally {
          lock.unlock();
        }
      }

      @Override
      public ByteBuf next(long offset, ByteBufAllocator alloc)
          throws TarballAbortedException, InterruptedException {
        while (true) {
          int chunkSize = store.chunkSize();
          int index = (int) (offset / chunkSize);
          TarballWriter w;
          lock.lockInterruptibly();
          try {
            // Chunk `index` may go out once a later chunk exists (so it is not the last one) or
            // the whole tarball is verified.
            while (state != State.FAILED && state != State.COMMITTED && index + 1 >= staged) {
              changed.await();
            }
            if (state == State.FAILED) {
              throw new TarballAbortedException(failure);
            }
            if (state == State.COMMITTED) {
              return StoredTarballSource.read(committed, committed.chunkSize(), offset, alloc);
            }
            w = writer;
          } finally {
            lock.unlock();
          }
          try {
            ByteBuffer chunk = w.readStagedChunk(index);
            chunk.position(chunk.position() + (int) (offset - (long) index * chunkSize));
            // A download in progress is read once per follower: a heap chunk is good enough.
            return Unpooled.wrappedBuffer(chunk);
          } catch (RuntimeException e) {
            // The staged copy went away under us: the download either committed (a deduplicated
            // commit drops its staged chunks) or failed. Look again and follow whichever it was.
            awaitFinished();
          }
        }
      }
    };
  }

  private void awaitFinished() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (state != State.FAILED && state != State.COMMITTED) {
        changed.await();
      }
    } finally {
      lock.unlock();
    }
  }

  private void fail(RegistryException e) {
    update(s -> {
      failure = e;
      state = State.FAILED;
    });
  }

  private void update(java.util.function.Consumer<TarballDownload> change) {
    lock.lock();
    try {
      change.accept(this);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance(digest.algorithm());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
