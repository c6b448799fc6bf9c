package dev.lazaret.proxy.upstream;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The upstream URL of a relayed request: the client's path and query appended to the base, with
 * every character {@link URI} refuses percent-encoded ({@code |}, a space, a {@code %} not
 * followed by two hex digits, non-ASCII). What was already valid stays byte for byte, so the
 * upstream sees what the client sent. Appended, never {@code resolve}d: a path like
 * {@code //other.host/} must not change the host.
 */
final class RelayTarget {

  private static final String HEX = "0123456789ABCDEF";
  /** RFC 3986 unreserved and sub-delims, plus ':', '@', '/' and '?': legal in path and query. */
  private static final String LEGAL = "-._~!$&'()*+,;=:@/?";

  private RelayTarget() {
  }

  /** {@code base} (ending with {@code /}) followed by {@code pathAndQuery}, made valid. */
  static URI of(URI base, String pathAndQuery) {
    String relative = pathAndQuery.startsWith("/") ? pathAndQuery.substring(1) : pathAndQuery;
    return URI.create(base.toString() + encoded(relative));
  }

  /** {@code text} with what a URI cannot hold percent-encoded; valid escapes kept. */
  static String encoded(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length + 16);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      if (b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
        out.append('%');
      } else if (b < 0x80 && (Character.isLetterOrDigit(b) || LEGAL.indexOf(b) >= 0)) {
        out.append((char) b);
      } else {
        out.append('%').append(HEX.charAt(b >> 4)).append(HEX.charAt(b & 0xf));
      }
    }
    return out.toString();
  }

  private static boolean isHex(byte b) {
    return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F';
  }
}
