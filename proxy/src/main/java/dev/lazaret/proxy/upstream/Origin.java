package dev.lazaret.proxy.upstream;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a URL points, as a browser's same-origin rule sees it: scheme, host and port. Compared
 * as written, never by address: a name that resolves to loopback is still another origin, so the
 * check cannot be raced by DNS.
 *
 * @param scheme {@code http} or {@code https}, lower case
 * @param host   the host as written in the URL, lower case ({@code [::1]} for IPv6)
 * @param port   the port, the scheme's default when the URL has none
 */
public record Origin(String scheme, String host, int port) {

  /** Validates and normalises. */
  public Origin {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(host, "host");
    scheme = scheme.toLowerCase(Locale.ROOT);
    host = host.toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("not an http(s) origin: " + scheme);
    }
    if (host.isEmpty() || port < 1 || port > 65_535) {
      throw new IllegalArgumentException("not an origin: " + scheme + "://" + host + ":" + port);
    }
  }

  /** The origin of an absolute http(s) URL; empty for anything else (relative, file:, no host). */
  public static Optional<Origin> of(URI url) {
    String scheme = url.getScheme();
    String host = url.getHost();
    if (scheme == null || host == null) {
      return Optional.empty();
    }
    String s = scheme.toLowerCase(Locale.ROOT);
    if (!s.equals("http") && !s.equals("https")) {
      return Optional.empty();
    }
    int port = url.getPort() >= 0 ? url.getPort() : s.equals("https") ? 443 : 80;
    if (port < 1 || port > 65_535) {
      return Optional.empty();
    }
    return Optional.of(new Origin(s, host, port));
  }

  /**
   * Parses an origin as an operator writes it: {@code https://cdn.example:443},
   * {@code https://cdn.example} or {@code https://cdn.example/}. A path, query, fragment or
   * user name would suggest a narrower allowance than an origin gives, so they are refused.
   */
  public static Origin parse(String text) {
    String written = text.strip();
    URI uri;
    try {
      uri = new URI(written);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not an origin like https://cdn.example:443");
    }
    Origin origin = of(uri).orElseThrow(() ->
        new IllegalArgumentException("not an http(s) origin like https://cdn.example:443"));
    String path = uri.getRawPath();
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null
        || uri.getRawFragment() != null || path != null && !path.isEmpty() && !path.equals("/")) {
      throw new IllegalArgumentException("an origin is scheme, host and port only, like"
          + " https://cdn.example:443 (no path, query or user)");
    }
    return origin;
  }

  /** {@code https://cdn.example:443}: always with the port, so two spellings never differ. */
  @Override
  public String toString() {
    return scheme + "://" + host + ":" + port;
  }
}
