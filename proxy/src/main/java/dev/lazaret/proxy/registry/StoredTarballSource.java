package dev.lazaret.proxy.registry;

import dev.lazaret.storage.StoredTarball;
import java.nio.ByteBuffer;
import java.util.OptionalLong;

/** Streams a verified tarball from the store, one chunk at a time. */
final class StoredTarballSource implements TarballSource {

  private final StoredTarball tarball;
  private final long chunkSize;

  StoredTarballSource(StoredTarball tarball) {
    this.tarball = tarball;
    this.chunkSize = tarball.chunkSize();
  }

  @Override
  public boolean fromStore() {
    return true;
  }

  @Override
  public OptionalLong awaitLength() {
    return OptionalLong.of(tarball.size());
  }

  @Override
  public ByteBuffer next(long offset) {
    return read(tarball, chunkSize, offset);
  }

  /** Reads the piece of {@code tarball} that starts at {@code offset}; null at the end. */
  static ByteBuffer read(StoredTarball tarball, long chunkSize, long offset) {
    if (offset >= tarball.size()) {
      return null;
    }
    int index = (int) (offset / chunkSize);
    ByteBuffer chunk = tarball.readChunk(index);
    chunk.position(chunk.position() + (int) (offset - index * chunkSize));
    return chunk;
  }
}
