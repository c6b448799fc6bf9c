package dev.lazaret.storage;

/**
 * What {@link TarballStore#evictTo} deleted.
 *
 * @param tarballs how many committed tarballs
 * @param bytes    their total size
 */
public record Eviction(int tarballs, long bytes) {

  /** Nothing evicted. */
  public static final Eviction NONE = new Eviction(0, 0);

  /** This eviction plus one more tarball of {@code size} bytes. */
  public Eviction plus(long size) {
    return new Eviction(tarballs + 1, bytes + size);
  }
}
