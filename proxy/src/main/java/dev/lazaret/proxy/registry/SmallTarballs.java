package dev.lazaret.proxy.registry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lazaret.storage.StoredTarball;
import dev.lazaret.storage.TarballDigest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;

/**
 * Verified one-chunk tarballs kept in memory, most of what npm installs: a warm request for one
 * is answered on the event loop from a shared off-heap buffer, with no virtual thread, no store
 * read and no copy (from the store it costs two RocksDB reads and a thread hop each time).
 * Bounded by bytes; what it drops is still in the store.
 */
final class SmallTarballs {

  private final Cache<TarballDigest, ByteBuf> held;

  SmallTarballs(long maxBytes) {
    this.held = Caffeine.newBuilder()
        .maximumWeight(Math.max(1, maxBytes))
        .weigher((TarballDigest d, ByteBuf b) -> b.capacity() + 64)
        .build();
  }

  /** The whole tarball if held: a duplicate the caller may write (releasing it is a no-op). */
  ByteBuf get(TarballDigest digest) {
    ByteBuf whole = held.getIfPresent(digest);
    return whole == null ? null : whole.duplicate();
  }

  /** Reads a one-chunk stored tarball into memory and keeps it; returns a duplicate to send. */
  ByteBuf load(StoredTarball tarball) {
    ByteBuffer direct = ByteBuffer.allocateDirect((int) tarball.size());
    tarball.readChunkInto(0, direct);
    // Unreleasable, like views: responses release their duplicates, never the shared bytes.
    ByteBuf whole = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct.clear()));
    held.put(tarball.digest(), whole);
    return whole.duplicate();
  }

  /** Whether {@code tarball} is small enough to keep: one chunk. */
  static boolean fits(StoredTarball tarball) {
    return tarball.chunkCount() == 1 && tarball.size() > 0;
  }
}
