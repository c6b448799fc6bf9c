package dev.lazaret.proxy.upstream;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The upstream URL of a relayed request: the client's path and query appended to the base (never
 * {@code resolve}d: a path like {@code //other.host/} must not change the host), made acceptable
 * to {@link URI}: characters clients send unescaped (npm search terms like {@code a|b}, spaces,
 * quotes, brackets, {@code #}, non-ASCII) are percent-encoded, valid escapes are kept as they
 * are, and a malformed escape ({@code %zz}) is refused, since its meaning cannot be guessed.
 */
public final class RelayTarget {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  /** Characters RFC 3986 allows literally in a path or query (unreserved, sub-delims, ":@/?"). */
  private static final String LITERAL =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?";

  private RelayTarget() {
  }

  /**
   * {@code base} (ending with {@code /}) followed by {@code pathAndQuery}, escaped.
   *
   * @throws IllegalArgumentException if {@code pathAndQuery} has a malformed escape
   */
  static URI of(URI base, String pathAndQuery) {
    String relative = pathAndQuery.startsWith("/") ? pathAndQuery.substring(1) : pathAndQuery;
    return URI.create(base.toString() + escaped(relative));
  }

  /**
   * {@code pathAndQuery} with every character {@link URI} would refuse escaped; chars up to
   * U+00FF are taken as the bytes the client sent (Netty reads the request line as ISO-8859-1).
   *
   * @throws IllegalArgumentException with a message for the client if a {@code %} is not
   *                                  followed by two hex digits
   */
  public static String escaped(String pathAndQuery) {
    StringBuilder out = null;
    int n = pathAndQuery.length();
    for (int i = 0; i < n; i++) {
      char c = pathAndQuery.charAt(i);
      if (c == '%') {
        if (i + 2 >= n || !isHex(pathAndQuery.charAt(i + 1))
            || !isHex(pathAndQuery.charAt(i + 2))) {
          throw new IllegalArgumentException("malformed percent-encoding in the request URL:"
              + " '%' must be followed by two hex digits");
        }
        if (out != null) {
          out.append(pathAndQuery, i, i + 3);
        }
        i += 2;
        continue;
      }
      if (c < 128 && LITERAL.indexOf(c) >= 0) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(n + 16).append(pathAndQuery, 0, i);
      }
      escape(out, c, pathAndQuery, i);
      if (Character.isHighSurrogate(c) && i + 1 < n
          && Character.isLowSurrogate(pathAndQuery.charAt(i + 1))) {
        i++;
      }
    }
    return out == null ? pathAndQuery : out.toString();
  }

  private static void escape(StringBuilder out, char c, String text, int at) {
    byte[] bytes;
    if (c <= 0xFF) {
      // The request line was read as ISO-8859-1: the char is the byte the client sent.
      bytes = new byte[] {(byte) c};
    } else {
      int end = Character.isHighSurrogate(c) && at + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(at + 1)) ? at + 2 : at + 1;
      bytes = text.substring(at, end).getBytes(StandardCharsets.UTF_8);
    }
    for (byte b : bytes) {
      out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
