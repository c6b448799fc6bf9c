package dev.lazaret.storage;

import java.util.Optional;

/**
 * Durable, content-addressed tarball cache: bytes are stored once per digest and never change,
 * though a tarball may be evicted (and later downloaded and committed again).
 */
public interface TarballStore {

  /** The committed tarball with this digest, if stored; finding it counts as an access. */
  Optional<StoredTarball> find(TarballDigest digest);

  /**
   * Counts a use of a tarball served without reading the store (held in memory), for the
   * eviction order. Never blocks on the store: what is due to be written waits for the next
   * {@link #find} or commit.
   */
  default void recordUse(TarballDigest digest) {
    // Nothing to record for a store without an eviction order.
  }

  /** Starts staging a new download. */
  TarballWriter begin();

  /** The chunk size in bytes used for new tarballs. */
  int chunkSize();

  /** Total size of the committed tarballs, exact (staged downloads are not counted). */
  long storedBytes();

  /**
   * Deletes least recently used committed tarballs (by {@link #find} or commit) until
   * {@link #storedBytes()} is at most {@code maxBytes}. A tarball that is being read when it is
   * evicted makes the rest of that read fail with {@link StoreException}; it never yields other
   * bytes. Downloads committing concurrently may leave the total above the limit again.
   */
  Eviction evictTo(long maxBytes);
}
