package dev.lazaret.proxy.registry;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * An output stream into direct memory, in chunks that never move: a 100 MB rendered packument is
 * written once, with no growing heap array and no copy on growth (a doubling buffer would hold
 * the old and the new half at once).
 *
 * <p>Chunks are {@link ByteBuffer#allocateDirect JDK direct buffers}, freed by their cleaner when
 * the last reference to them goes. Their allocation is bounded by {@code -XX:MaxDirectMemorySize}
 * and, when that is reached, collects garbage and retries before failing, so views dropped by the
 * cache but not yet collected cannot exhaust it.
 */
final class OffHeapOutput extends OutputStream {

  /** Chunks start small (most documents are a few KiB) and double up to this. */
  private static final int MAX_CHUNK = 1 << 20;
  private static final int FIRST_CHUNK = 4 << 10;

  // Built directly, not from an allocator: the allocator's buffers are leak-tracked, and this
  // one is never released (its memory goes with its chunks' cleaners).
  private final CompositeByteBuf chunks =
      new CompositeByteBuf(UnpooledByteBufAllocator.DEFAULT, true, Integer.MAX_VALUE);
  private ByteBuffer current;
  private boolean finished;

  /** An output for a document of unknown size. */
  OffHeapOutput() {
    this(FIRST_CHUNK);
  }

  /** An output whose first chunk holds {@code expected} bytes: exact for a known size. */
  OffHeapOutput(int expected) {
    current = ByteBuffer.allocateDirect(Math.max(1, expected));
  }

  @Override
  public void write(int b) {
    room().put((byte) b);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    while (len > 0) {
      ByteBuffer into = room();
      int n = Math.min(len, into.remaining());
      into.put(b, off, n);
      off += n;
      len -= n;
    }
  }

  /**
   * The bytes written, as one read-only-by-convention buffer whose release is a no-op: it is
   * shared by every response, each writing a duplicate. Ends the stream.
   */
  ByteBuf finish() {
    if (!finished) {
      finished = true;
      ByteBuffer last = current.flip();
      if (last.remaining() < last.capacity() / 2) {
        // Most documents fit the first chunk: keep only what they use.
        last = ByteBuffer.allocateDirect(last.remaining()).put(last).flip();
      }
      if (last.hasRemaining()) {
        chunks.addComponent(true, Unpooled.wrappedBuffer(last));
      }
      current = null;
    }
    return Unpooled.unreleasableBuffer(chunks);
  }

  /** Direct memory held, for cache weighing. */
  long capacity() {
    long sum = 0;
    for (int i = 0; i < chunks.numComponents(); i++) {
      sum += chunks.internalComponent(i).capacity();
    }
    return sum + (current == null ? 0 : current.capacity());
  }

  private ByteBuffer room() {
    if (finished) {
      throw new IllegalStateException("written after finish()");
    }
    if (!current.hasRemaining()) {
      chunks.addComponent(true, Unpooled.wrappedBuffer(current.flip()));
      current = ByteBuffer.allocateDirect(Math.min(MAX_CHUNK, current.capacity() * 2));
    }
    return current;
  }
}
