package dev.lazaret.proxy.registry;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.OptionalLong;

/** A verified tarball already in memory ({@link SmallTarballs}): sent whole, without blocking. */
final class HeldTarballSource implements TarballSource {

  private final ByteBuf whole;
  private final long size;

  HeldTarballSource(ByteBuf whole) {
    this.whole = whole;
    this.size = whole.readableBytes();
  }

  @Override
  public boolean fromStore() {
    return true;
  }

  @Override
  public ByteBuf whole() {
    return whole;
  }

  @Override
  public OptionalLong awaitLength() {
    return OptionalLong.of(size);
  }

  @Override
  public ByteBuf next(long offset, ByteBufAllocator alloc) {
    if (offset >= size) {
      return null;
    }
    ByteBuf piece = whole.duplicate();
    return piece.readerIndex(piece.readerIndex() + (int) offset);
  }
}
