package dev.lazaret.storage;

import java.nio.ByteBuffer;

/**
 * A committed, verified tarball, readable chunk by chunk so that serving it never needs the
 * whole file in memory.
 */
public interface StoredTarball {

  /** The digest it was verified against and is stored under. */
  TarballDigest digest();

  /** Total size in bytes. */
  long size();

  /** The size of every chunk but the last, as it was when this tarball was committed. */
  int chunkSize();

  /** Number of chunks; chunk {@code i} holds bytes {@code [i * chunkSize, min(size, (i+1) * chunkSize))}. */
  int chunkCount();

  /** Reads chunk {@code index} (0-based). Fails with {@link StoreException} if it is missing. */
  ByteBuffer readChunk(int index);

  /**
   * Reads chunk {@code index} into {@code target}, a direct buffer with at least the chunk's
   * length remaining, from its position on; returns the chunk's length and leaves the position
   * unspecified. Saves the heap array and the copy {@link #readChunk} costs, and a socket write
   * from a direct buffer needs no further copy. Fails like {@link #readChunk}.
   */
  int readChunkInto(int index, ByteBuffer target);

  /** The length of chunk {@code index}. */
  default int lengthOf(int index) {
    if (index < 0 || index >= chunkCount()) {
      throw new IndexOutOfBoundsException("chunk " + index + " of " + chunkCount());
    }
    return index < chunkCount() - 1 ? chunkSize() : (int) (size() - (long) index * chunkSize());
  }
}
