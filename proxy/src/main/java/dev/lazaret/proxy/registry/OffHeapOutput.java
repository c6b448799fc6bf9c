package dev.lazaret.proxy.registry;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.internal.CleanableDirectBuffer;
import io.netty.util.internal.PlatformDependent;
import java.io.OutputStream;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * An output stream into direct memory, in chunks that never move: a 100 MB rendered packument is
 * written once, with no growing heap array and no copy on growth (a doubling buffer would hold
 * the old and the new half at once).
 *
 * <p>Chunks are Netty's {@link CleanableDirectBuffer}s (on Java 24+ each its own shared
 * arena, freed at once when cleaned). Their owner {@link #free frees} them
 * as soon as nothing reads them any more (a {@link View} evicted from its cache and no longer
 * being written), so their memory does not wait for a garbage collection; an owner that never
 * frees them loses nothing but that wait, since a {@link Cleaner} frees the chunks once the
 * buffer {@link #finish} gave (and every duplicate of it) is unreachable.
 */
final class OffHeapOutput extends OutputStream {

  /** Chunks start small (most documents are a few KiB) and double up to this. */
  private static final int MAX_CHUNK = 1 << 20;
  private static final int FIRST_CHUNK = 4 << 10;

  private static final Cleaner CLEANER = Cleaner.create();

  // Built directly, not from an allocator: the allocator's buffers are leak-tracked, and this
  // one is never released (its memory goes with its arena).
  private final CompositeByteBuf chunks =
      new CompositeByteBuf(UnpooledByteBufAllocator.DEFAULT, true, Integer.MAX_VALUE);
  /** Every chunk allocated, to free them together. */
  private final List<CleanableDirectBuffer> allocated = new ArrayList<>();
  /** Frees the chunks once: at {@link #free}, or when {@link #chunks} becomes unreachable. */
  private final Cleaner.Cleanable closer;
  private ByteBuffer current;
  private boolean finished;

  /** An output for a document of unknown size. */
  OffHeapOutput() {
    this(FIRST_CHUNK);
  }

  /** An output whose first chunk holds {@code expected} bytes: exact for a known size. */
  OffHeapOutput(int expected) {
    closer = CLEANER.register(chunks, new ChunkFreer(allocated));
    current = allocate(Math.max(1, expected));
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
        // (The bigger chunk stays allocated until the arena closes; it is at most 4 KiB or
        // half of a chunk the document outgrew.)
        last = allocate(last.remaining()).put(last).flip();
      }
      if (last.hasRemaining()) {
        add(last);
      }
      current = null;
    }
    return Unpooled.unreleasableBuffer(chunks);
  }

  private void add(ByteBuffer chunk) {
    chunks.addComponent(true, Unpooled.wrappedBuffer(chunk));
  }

  private ByteBuffer allocate(int bytes) {
    CleanableDirectBuffer chunk = PlatformDependent.allocateDirect(bytes);
    synchronized (allocated) {
      allocated.add(chunk);
    }
    return chunk.buffer();
  }

  /**
   * Returns the chunks' memory now (once; later calls do nothing). Only for an owner that knows
   * nothing reads the buffer {@link #finish} gave any more.
   */
  void free() {
    closer.clean();
  }

  /** The cleaning action: holds the chunks' handles, never the output or its buffer. */
  private record ChunkFreer(List<CleanableDirectBuffer> chunks) implements Runnable {
    @Override
    public void run() {
      synchronized (chunks) {
        chunks.forEach(CleanableDirectBuffer::clean);
        chunks.clear();
      }
    }
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
      add(current.flip());
      current = allocate(Math.min(MAX_CHUNK, current.capacity() * 2));
    }
    return current;
  }
}
