package dev.lazaret.proxy.registry;

import io.netty.buffer.ByteBuf;
import io.netty.util.AsciiString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A rendered document ready to send: identity and gzip bytes, computed once, and strong ETags
 * derived from the content, so they change exactly when what clients see changes.
 *
 * <p>The bytes live off-heap, in one buffer per encoding shared by every response: a response
 * sends a {@link #body duplicate} of it, so serving costs no copy (a heap array would be copied
 * into a direct buffer by the socket write, once per response: 8 MB per request of a huge gzip
 * packument). A view is built from an {@link OffHeapOutput} it was rendered into, and gzipped
 * from there in 64 KiB steps, so a 100 MB document never has a heap copy.
 *
 * <p>A view counts its holders: the cache that made it holds it from the start, and each
 * response {@link #acquire acquires} it before writing a duplicate and {@link #release releases}
 * it once the write is done. When the cache evicts it and the last response is written, its
 * direct memory is freed at once rather than when the garbage collector finds it: a 30 MiB
 * packument rendered again after an eviction would otherwise hold both copies until a full
 * collection. Holders that never release (a cache without an eviction hook) cost nothing but
 * that wait: the chunks' cleaners free them when the view becomes unreachable.
 */
public final class View {

  private static final int GZIP_STEP = 64 << 10;

  private final ByteBuf identity;
  private final ByteBuf gzip;
  private final OffHeapOutput identityChunks;
  private final OffHeapOutput gzipChunks;
  /** The owner's hold plus one per response being written; 0 once freed. */
  private final AtomicInteger holders = new AtomicInteger(1);
  private final long weight;
  private final String etag;
  private final AsciiString identityEtag;
  private final AsciiString gzipEtag;

  private View(OffHeapOutput identity, OffHeapOutput gzip, String etag) {
    this.identity = identity.finish();
    this.gzip = gzip.finish();
    this.identityChunks = identity;
    this.gzipChunks = gzip;
    this.weight = identity.capacity() + gzip.capacity() + 128;
    this.etag = etag;
    this.identityEtag = AsciiString.cached(etag);
    // Each encoding is its own representation, so it gets its own strong ETag.
    this.gzipEtag = AsciiString.cached(etag.substring(0, etag.length() - 1) + "-gz\"");
  }

  /** Compresses and fingerprints {@code bytes}. */
  public static View of(byte[] bytes) {
    OffHeapOutput out = new OffHeapOutput(bytes.length);
    out.write(bytes, 0, bytes.length);
    return of(out);
  }

  /** Compresses and fingerprints what was rendered into {@code rendered}, which it ends. */
  static View of(OffHeapOutput rendered) {
    ByteBuf identity = rendered.finish();
    OffHeapOutput gzipped = new OffHeapOutput();
    MessageDigest sha = sha256();
    byte[] step = new byte[(int) Math.min(GZIP_STEP, Math.max(1, identity.readableBytes()))];
    try (GZIPOutputStream gz = new GZIPOutputStream(gzipped, step.length)) {
      for (int at = identity.readerIndex(); at < identity.writerIndex(); ) {
        int n = Math.min(step.length, identity.writerIndex() - at);
        identity.getBytes(at, step, 0, n);
        gz.write(step, 0, n);
        sha.update(step, 0, n);
        at += n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new View(rendered, gzipped, etag(sha.digest()));
  }

  /**
   * Takes a hold for one response; false if the view was already freed (evicted and written
   * out), in which case the caller asks its cache again and gets a new rendering.
   */
  public boolean acquire() {
    for (int n = holders.get(); n > 0; n = holders.get()) {
      if (holders.compareAndSet(n, n + 1)) {
        return true;
      }
    }
    return false;
  }

  /** Gives a hold back; the last one frees the direct memory. */
  public void release() {
    int left = holders.decrementAndGet();
    if (left == 0) {
      identityChunks.free();
      gzipChunks.free();
    } else if (left < 0) {
      throw new IllegalStateException("view released more often than acquired");
    }
  }

  /** Holders now (the owner and responses being written), for tests. */
  int holders() {
    return holders.get();
  }

  /**
   * The body to send in one response, by a caller holding the view ({@link #acquire}): a
   * duplicate of the shared bytes, free to write, whose own release is a no-op.
   */
  public ByteBuf body(boolean gzipped) {
    return (gzipped ? gzip : identity).duplicate();
  }

  /** Quoted strong ETag of the identity bytes (the gzip one adds {@code -gz}). */
  public String etag() {
    return etag;
  }

  /** The ETag header value of one encoding, built once. */
  public AsciiString etagHeader(boolean gzipped) {
    return gzipped ? gzipEtag : identityEtag;
  }

  /** Bytes held (off-heap), for cache weighing. */
  int weight() {
    return (int) Math.min(Integer.MAX_VALUE, weight);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String etag(byte[] sha256) {
    return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256).substring(0, 27)
        + "\"";
  }
}
