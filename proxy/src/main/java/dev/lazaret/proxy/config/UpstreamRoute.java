package dev.lazaret.proxy.config;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One upstream registry and the package names it alone serves. Names that match a route's
 * patterns are protected: they are fetched from, and served from, that upstream only.
 *
 * @param name     the upstream's name, used in logs, verdicts and messages (e.g. {@code internal})
 * @param url      its base URL, ending with {@code /}
 * @param packages name patterns: {@code @acme/*} (a scope), {@code acme-*} (a prefix) or an exact
 *                 name; empty for the default upstream, which serves every other name
 */
public record UpstreamRoute(String name, URI url, List<String> packages) {

  /** The name of the upstream given by the {@code upstream} setting. */
  public static final String DEFAULT_NAME = "default";

  /** Validates that nothing is missing and copies the patterns. */
  public UpstreamRoute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    packages = List.copyOf(packages);
  }

  /** The default upstream: every name no other route claims. */
  public static UpstreamRoute fallback(URI url) {
    return new UpstreamRoute(DEFAULT_NAME, url, List.of());
  }
}
