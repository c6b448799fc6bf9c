package dev.lazaret.proxy.registry;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.AsciiString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * A rendered document ready to send: identity and gzip bytes, computed once, and strong ETags
 * derived from the content, so they change exactly when what clients see changes.
 *
 * <p>The bytes live off-heap, in one buffer per encoding shared by every response: a response
 * sends a {@link #body duplicate} of it, so serving costs no copy (a heap array would be copied
 * into a direct buffer by the socket write, once per response: 8 MB per request of a huge gzip
 * packument). The buffers cannot be released; their memory goes with the view, when the garbage
 * collector drops the last response holding it.
 */
public final class View {

  private final ByteBuf identity;
  private final ByteBuf gzip;
  private final String etag;
  private final AsciiString identityEtag;
  private final AsciiString gzipEtag;

  private View(byte[] identity, byte[] gzip, String etag) {
    this.identity = shared(identity);
    this.gzip = shared(gzip);
    this.etag = etag;
    this.identityEtag = AsciiString.cached(etag);
    // Each encoding is its own representation, so it gets its own strong ETag.
    this.gzipEtag = AsciiString.cached(etag.substring(0, etag.length() - 1) + "-gz\"");
  }

  /** Compresses and fingerprints {@code bytes}. */
  public static View of(byte[] bytes) {
    return new View(bytes, gzip(bytes), etag(bytes));
  }

  /** The body to send in one response: a duplicate of the shared bytes, free to write. */
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
    return identity.capacity() + gzip.capacity() + 128;
  }

  private static ByteBuf shared(byte[] bytes) {
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    // Unreleasable: every response's release() of its duplicate leaves the shared bytes intact.
    return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct));
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 6));
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 64 << 10)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String etag(byte[] bytes) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
      return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 27) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
