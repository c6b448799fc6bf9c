package dev.lazaret.storage.rocks;

import dev.lazaret.storage.StoredTarball;
import dev.lazaret.storage.TarballDigest;
import dev.lazaret.storage.TarballWriter;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * One download being staged: bytes gather in a single chunk-sized buffer and each full chunk goes
 * to RocksDB at once, so heap use stays at one chunk whatever the tarball's size.
 */
final class RocksTarballWriter implements TarballWriter {

  private enum State { OPEN, COMMITTED, ABORTED }

  private final RocksTarballStore store;
  private final long stagingId;
  private final byte[] pending;
  private int pendingLength;
  private State state = State.OPEN;
  /** Written by the downloader, read by any thread following the download. */
  private volatile long bytesAppended;
  /**
   * Incremented only after a chunk's put returned, so a reader that sees the new count also sees
   * the chunk (the volatile write publishes it).
   */
  private volatile int stagedChunks;

  RocksTarballWriter(RocksTarballStore store, long stagingId, int chunkSize) {
    this.store = store;
    this.stagingId = stagingId;
    this.pending = new byte[chunkSize];
  }

  @Override
  public void append(ByteBuffer bytes) {
    Objects.requireNonNull(bytes, "bytes");
    requireOpen("append to");
    while (bytes.hasRemaining()) {
      int n = Math.min(bytes.remaining(), pending.length - pendingLength);
      bytes.get(pending, pendingLength, n);
      pendingLength += n;
      bytesAppended += n;
      if (pendingLength == pending.length) {
        store.writeChunk(stagingId, stagedChunks, pending, pendingLength);
        pendingLength = 0;
        stagedChunks++;
      }
    }
  }

  @Override
  public long bytesAppended() {
    return bytesAppended;
  }

  @Override
  public int stagedChunks() {
    return stagedChunks;
  }

  @Override
  public ByteBuffer readStagedChunk(int index) {
    int staged = stagedChunks;
    if (index < 0 || index >= staged) {
      throw new IndexOutOfBoundsException(
          "staged chunk " + index + " requested, " + staged + " staged so far");
    }
    return store.readChunk(stagingId, index, pending.length, describe());
  }

  @Override
  public StoredTarball commit(TarballDigest digest) {
    Objects.requireNonNull(digest, "digest");
    requireOpen("commit");
    int chunkCount = stagedChunks + (pendingLength > 0 ? 1 : 0);
    TarballManifest manifest = new TarballManifest(
        stagingId, bytesAppended, chunkCount, pending.length, store.clock().instant());
    // If this throws, the writer stays open so that abort() (or the next open) cleans up.
    StoredTarball committed =
        store.commit(stagingId, digest, manifest, Arrays.copyOf(pending, pendingLength));
    state = State.COMMITTED;
    return committed;
  }

  @Override
  public void abort() {
    if (state == State.OPEN) {
      store.abort(stagingId);
      state = State.ABORTED;
    }
  }

  @Override
  public void close() {
    abort();
  }

  private void requireOpen(String action) {
    if (state != State.OPEN) {
      throw new IllegalStateException(
          "cannot " + action + " " + describe() + ": it is " + state.name().toLowerCase());
    }
  }

  private String describe() {
    return "staged download " + Long.toHexString(stagingId);
  }
}
