package dev.lazaret.proxy.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Parses http(s) URLs: base URLs, normalised to end with {@code /}, and plain ones. */
public final class HttpUrl {

  private HttpUrl() {
  }

  /**
   * Parses {@code text}; a missing trailing slash is added so that relative paths resolve under
   * it ({@code https://host/npm} + {@code pkg} must not become {@code https://host/pkg}).
   */
  public static URI parseBase(String text) throws ConfigException {
    URI uri = parse(text);
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new ConfigException("a base URL cannot have a query or fragment");
    }
    String s = uri.toString();
    return s.endsWith("/") ? uri : URI.create(s + "/");
  }

  /** Parses an absolute http or https URL with a host, taken as written. */
  public static URI parse(String text) throws ConfigException {
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new ConfigException("not an http(s) URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new ConfigException("not an http(s) URL");
    }
    return uri;
  }
}
