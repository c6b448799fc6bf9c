package dev.lazaret.proxy.registry;

import dev.lazaret.storage.StoredTarball;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.OptionalLong;

/**
 * Streams a verified tarball from the store, one chunk at a time, each read straight into a
 * pooled direct buffer: no heap array per chunk, and the socket write needs no further copy.
 */
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
  public ByteBuf next(long offset, ByteBufAllocator alloc) {
    return read(tarball, chunkSize, offset, alloc);
  }

  /** Reads the piece of {@code tarball} that starts at {@code offset}; null at the end. */
  static ByteBuf read(StoredTarball tarball, long chunkSize, long offset, ByteBufAllocator alloc) {
    if (offset >= tarball.size()) {
      return null;
    }
    int index = (int) (offset / chunkSize);
    int length = tarball.lengthOf(index);
    ByteBuf piece = alloc.directBuffer(length, length);
    try {
      tarball.readChunkInto(index, piece.nioBuffer(0, length));
      return piece.writerIndex(length).readerIndex((int) (offset - index * chunkSize));
    } catch (RuntimeException e) {
      piece.release();
      throw e;
    }
  }
}
