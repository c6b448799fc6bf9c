package dev.lazaret.storage.rocks;

import java.time.Instant;

/**
 * What a committed tarball is made of: the staging id its chunks are keyed under, and enough
 * sizes to read and bounds-check every chunk without touching the chunks themselves.
 */
record TarballManifest(long stagingId, long size, int chunkCount, int chunkSize, Instant committedAt) {

  private static final byte FORMAT = 1;

  static TarballManifest decode(byte[] value) {
    RecordReader in = new RecordReader(value, FORMAT, "tarball manifest");
    long stagingId = in.getLong();
    long size = in.getLong();
    int chunkCount = in.getInt();
    int chunkSize = in.getInt();
    return new TarballManifest(stagingId, size, chunkCount, chunkSize, in.getInstant());
  }

  byte[] encode() {
    return new RecordWriter(FORMAT)
        .putLong(stagingId)
        .putLong(size)
        .putInt(chunkCount)
        .putInt(chunkSize)
        .putInstant(committedAt)
        .toBytes();
  }

  /** The exact length chunk {@code index} must have: full chunks, then a possibly shorter tail. */
  int lengthOf(int index) {
    return (int) Math.min(chunkSize, size - (long) index * chunkSize);
  }
}
