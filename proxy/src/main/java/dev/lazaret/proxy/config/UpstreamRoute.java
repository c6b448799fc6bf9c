package dev.lazaret.proxy.config;

import dev.lazaret.proxy.upstream.Origin;
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
 * @param tarballOrigins origins besides the upstream's own that its tarballs and redirects may
 *                 come from ({@code tarball-origins:}; for the default upstream
 *                 {@code upstream-tarball-origins})
 */
public record UpstreamRoute(String name, URI url, List<String> packages,
    List<Origin> tarballOrigins) {

  /** The name of the upstream given by the {@code upstream} setting. */
  public static final String DEFAULT_NAME = "default";

  /** Validates that nothing is missing and copies the patterns. */
  public UpstreamRoute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    packages = List.copyOf(packages);
    tarballOrigins = List.copyOf(tarballOrigins);
  }

  /** A route whose tarballs come from its own origin only. */
  public UpstreamRoute(String name, URI url, List<String> packages) {
    this(name, url, packages, List.of());
  }

  /** A copy whose tarballs may also come from {@code origins}. */
  public UpstreamRoute withTarballOrigins(List<Origin> origins) {
    return new UpstreamRoute(name, url, packages, origins);
  }

  /** What a refused origin's message tells the operator to change. */
  public String howToAllowOrigins() {
    return name.equals(DEFAULT_NAME) ? "add it to upstream-tarball-origins"
        : "add it to tarball-origins of upstream '" + name + "'";
  }

  /** The default upstream: every name no other route claims. */
  public static UpstreamRoute fallback(URI url) {
    return new UpstreamRoute(DEFAULT_NAME, url, List.of());
  }
}
