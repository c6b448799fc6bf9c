package dev.lazaret.proxy.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * A rendered document ready to send: identity and gzip bytes, computed once, and a strong ETag
 * derived from the content, so it changes exactly when what clients see changes.
 *
 * @param identity the uncompressed bytes
 * @param gzip     the same, gzip-compressed
 * @param etag     quoted strong ETag of the identity bytes
 */
public record View(byte[] identity, byte[] gzip, String etag) {

  /** Compresses and fingerprints {@code bytes}. */
  public static View of(byte[] bytes) {
    return new View(bytes, gzip(bytes), etag(bytes));
  }

  /** Heap bytes held, for cache weighing. */
  int weight() {
    return identity.length + gzip.length + 64;
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
