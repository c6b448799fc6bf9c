package dev.lazaret.storage;

import java.nio.ByteBuffer;

/**
 * Stages one tarball download in the store. Bytes are appended as they arrive and become readable
 * chunk by chunk (so concurrent requesters can follow the download without holding it in memory),
 * but nothing is visible through {@link TarballStore#find} until {@link #commit} succeeds. A
 * writer that is aborted, or abandoned by a crash, leaves nothing behind once the store reopens.
 *
 * <p>Not thread-safe for writing: one downloader appends; any thread may read staged chunks.
 */
public interface TarballWriter extends AutoCloseable {

  /** Appends {@code bytes} (from position to limit); full chunks are written to the store at once. */
  void append(ByteBuffer bytes);

  /** Bytes appended so far. */
  long bytesAppended();

  /** Chunks written to the store so far (each of the store's chunk size; the tail is written at commit). */
  int stagedChunks();

  /**
   * Reads staged chunk {@code index}, which must be {@code < stagedChunks()}. Fails with
   * {@link StoreException} once the staged copy is discarded (aborted, or committed under a digest
   * that was already stored), so a follower should switch to {@link TarballStore#find} after commit.
   */
  ByteBuffer readStagedChunk(int index);

  /**
   * Writes the tail and makes the tarball visible under {@code digest} in one atomic step. The
   * caller has already verified the digest. If the same digest is already stored, the staged copy
   * is discarded and the existing tarball returned.
   */
  StoredTarball commit(TarballDigest digest);

  /** Discards everything staged. Idempotent; does nothing after a commit. */
  void abort();

  /** Aborts unless committed. */
  @Override
  void close();
}
