package dev.lazaret.storage;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to open {@link Storage}.
 *
 * @param directory          the data directory; created if missing, locked while open
 * @param hotPackumentBytes  heap budget for the in-memory packument cache, in body bytes
 * @param tarballChunkSize   bytes per stored tarball chunk (and heap per download in flight)
 */
public record StorageOptions(Path directory, long hotPackumentBytes, int tarballChunkSize) {

  /** 64 MiB of hot packuments: the few hundred most requested documents of a typical install. */
  public static final long DEFAULT_HOT_PACKUMENT_BYTES = 64L << 20;
  /** 256 KiB chunks: most tarballs fit in one, and a large one costs little heap per download. */
  public static final int DEFAULT_TARBALL_CHUNK_SIZE = 256 << 10;
  /** Larger chunks would make each read and each in-flight download hold too much at once. */
  public static final int MAX_TARBALL_CHUNK_SIZE = 64 << 20;

  /** Validates each setting, naming it and its value if it is out of range. */
  public StorageOptions {
    Objects.requireNonNull(directory, "directory");
    if (hotPackumentBytes < 0) {
      throw new IllegalArgumentException(
          "hotPackumentBytes must be >= 0 (0 disables the cache), got " + hotPackumentBytes);
    }
    if (tarballChunkSize <= 0 || tarballChunkSize > MAX_TARBALL_CHUNK_SIZE) {
      throw new IllegalArgumentException("tarballChunkSize must be in 1.." + MAX_TARBALL_CHUNK_SIZE
          + ", got " + tarballChunkSize);
    }
  }

  /** The defaults for {@code directory}. */
  public static StorageOptions defaults(Path directory) {
    return new StorageOptions(directory, DEFAULT_HOT_PACKUMENT_BYTES, DEFAULT_TARBALL_CHUNK_SIZE);
  }
}
