package dev.lazaret.proxy.inspect;

import dev.lazaret.proxy.registry.TarballSource;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A verified tarball read as a stream, one piece at a time (blocking; on a background thread).
 * A failed download is an {@link UncheckedIOException}, never an archive error.
 */
final class SourceStream extends InputStream {

  private static final UnpooledByteBufAllocator HEAP = new UnpooledByteBufAllocator(false);

  private final TarballSource source;
  private long offset;
  private ByteBuf piece;
  private boolean ended;

  SourceStream(TarballSource source) {
    this.source = source;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    while (piece == null || !piece.isReadable()) {
      if (ended || !nextPiece()) {
        return -1;
      }
    }
    int n = Math.min(len, piece.readableBytes());
    piece.readBytes(b, off, n);
    return n;
  }

  private boolean nextPiece() throws IOException {
    if (piece != null) {
      piece.release();
      piece = null;
    }
    try {
      piece = source.next(offset, HEAP);
    } catch (TarballSource.TarballAbortedException e) {
      // Not the archive's fault: unchecked, so the inspector does not record it as malformed.
      throw new UncheckedIOException(new IOException("tarball download failed: "
          + e.getMessage(), e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted", e));
    }
    if (piece == null) {
      ended = true;
      return false;
    }
    offset += piece.readableBytes();
    return true;
  }

  @Override
  public void close() {
    if (piece != null) {
      piece.release();
      piece = null;
    }
    ended = true;
  }
}
