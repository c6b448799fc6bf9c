package dev.lazaret.proxy.config;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a running Lazaret needs to know, already validated. Built by {@link SettingsLoader}
 * from flags, environment, the YAML file and defaults, in that order of precedence.
 *
 * @param listen          where the registry port listens
 * @param upstream        the registry Lazaret mirrors (base URL, ends with {@code /})
 * @param data            the data directory (RocksDB lives in {@code data/store})
 * @param publicUrl       the URL clients reach Lazaret at, if fixed (behind a load balancer);
 *                        empty means "derive from each request's Host header"
 * @param packumentTtl    how long a cached packument is served before it is revalidated
 * @param connectTimeout  upstream TCP/TLS connect timeout
 * @param responseTimeout upstream time to response headers (and between body reads)
 * @param shutdownGrace   how long SIGTERM waits for in-flight responses
 * @param hotCacheBytes   heap budget for hot packuments and rendered views (Caffeine, by weight)
 * @param routes          upstreams that alone serve some names (the {@code upstreams:} list);
 *                        every other name comes from {@code upstream}
 * @param quarantine      the quarantine: on or off, tunables, rules, evidence lookups
 * @param operations      admin listener, store limit, access log, metrics
 * @param webhooks        where new holds and analyst decisions are announced
 *                        ({@code notifications.webhooks:})
 * @param upstreamGuards  what Lazaret refuses from upstreams: packuments past a size, tarballs
 *                        and redirects to other origins
 * @param server          connection cap and header-read timeout of both listeners
 * @param cluster         where the quarantine state lives (embedded or PostgreSQL), this node's name
 */
public record Settings(
    InetSocketAddress listen,
    URI upstream,
    Path data,
    Optional<URI> publicUrl,
    Duration packumentTtl,
    Duration connectTimeout,
    Duration responseTimeout,
    Duration shutdownGrace,
    long hotCacheBytes,
    List<UpstreamRoute> routes,
    QuarantineSettings quarantine,
    Operations operations,
    List<Webhook> webhooks,
    UpstreamGuards upstreamGuards,
    ServerLimits server,
    ClusterSettings cluster) {

  /** Default registry port address. */
  public static final String DEFAULT_LISTEN = "127.0.0.1:4873";
  /** Default data directory. */
  public static final String DEFAULT_DATA = "./data";
  /** Default packument revalidation interval. */
  public static final Duration DEFAULT_PACKUMENT_TTL = Duration.ofMinutes(5);
  /** Default upstream connect timeout. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  /** Default upstream response timeout. */
  public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);
  /** Default shutdown grace period. */
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
  /** Default hot cache budget: 256 MiB. */
  public static final long DEFAULT_HOT_CACHE_BYTES = 160L << 20;

  /** Validates that nothing is missing. */
  public Settings {
    Objects.requireNonNull(listen, "listen");
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(publicUrl, "publicUrl");
    Objects.requireNonNull(packumentTtl, "packumentTtl");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(responseTimeout, "responseTimeout");
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    routes = List.copyOf(routes);
    Objects.requireNonNull(quarantine, "quarantine");
    Objects.requireNonNull(operations, "operations");
    webhooks = List.copyOf(webhooks);
    Objects.requireNonNull(upstreamGuards, "upstreamGuards");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(cluster, "cluster");
  }

  /** Settings with every default and the given essentials; convenient for tests. */
  public static Settings of(InetSocketAddress listen, URI upstream, Path data) {
    return new Settings(listen, upstream, data, Optional.empty(), DEFAULT_PACKUMENT_TTL,
        DEFAULT_CONNECT_TIMEOUT, DEFAULT_RESPONSE_TIMEOUT, DEFAULT_SHUTDOWN_GRACE,
        DEFAULT_HOT_CACHE_BYTES, List.of(), QuarantineSettings.defaults(),
        Operations.defaultsOnEphemeralPort(), List.of(), UpstreamGuards.defaults(),
        ServerLimits.defaults(), ClusterSettings.defaults());
  }

  /** A copy with another packument TTL. */
  public Settings withPackumentTtl(Duration ttl) {
    return new Settings(listen, upstream, data, publicUrl, ttl, connectTimeout, responseTimeout,
        shutdownGrace, hotCacheBytes, routes, quarantine, operations, webhooks, upstreamGuards,
        server, cluster);
  }

  /** A copy with other upstream timeouts. */
  public Settings withTimeouts(Duration connect, Duration response) {
    return new Settings(listen, upstream, data, publicUrl, packumentTtl, connect, response,
        shutdownGrace, hotCacheBytes, routes, quarantine, operations, webhooks, upstreamGuards,
        server, cluster);
  }

  /** A copy with a fixed public URL. */
  public Settings withPublicUrl(URI url) {
    return new Settings(listen, upstream, data, Optional.of(url), packumentTtl, connectTimeout,
        responseTimeout, shutdownGrace, hotCacheBytes, routes, quarantine, operations, webhooks,
        upstreamGuards, server, cluster);
  }

  /** A copy with another quarantine configuration. */
  public Settings withQuarantine(QuarantineSettings value) {
    return new Settings(listen, upstream, data, publicUrl, packumentTtl, connectTimeout,
        responseTimeout, shutdownGrace, hotCacheBytes, routes, value, operations, webhooks,
        upstreamGuards, server, cluster);
  }

  /** A copy with other routed upstreams. */
  public Settings withRoutes(List<UpstreamRoute> value) {
    return new Settings(listen, upstream, data, publicUrl, packumentTtl, connectTimeout,
        responseTimeout, shutdownGrace, hotCacheBytes, value, quarantine, operations, webhooks,
        upstreamGuards, server, cluster);
  }

  /** A copy with other operational settings. */
  public Settings withOperations(Operations value) {
    return new Settings(listen, upstream, data, publicUrl, packumentTtl, connectTimeout,
        responseTimeout, shutdownGrace, hotCacheBytes, routes, quarantine, value, webhooks,
        upstreamGuards, server, cluster);
  }

  /** A copy with other webhooks. */
  public Settings withWebhooks(List<Webhook> value) {
    return new Settings(listen, upstream, data, publicUrl, packumentTtl, connectTimeout,
        responseTimeout, shutdownGrace, hotCacheBytes, routes, quarantine, operations, value,
        upstreamGuards, server, cluster);
  }

  /** A copy with other upstream guards (packument limit, tarball origins). */
  public Settings withUpstreamGuards(UpstreamGuards value) {
    return new Settings(listen, upstream, data, publicUrl, packumentTtl, connectTimeout,
        responseTimeout, shutdownGrace, hotCacheBytes, routes, quarantine, operations, webhooks,
        value, server, cluster);
  }

  /** A copy with other listener limits. */
  public Settings withServer(ServerLimits value) {
    return new Settings(listen, upstream, data, publicUrl, packumentTtl, connectTimeout,
        responseTimeout, shutdownGrace, hotCacheBytes, routes, quarantine, operations, webhooks,
        upstreamGuards, value, cluster);
  }

  /** A copy with another state location or node name. */
  public Settings withCluster(ClusterSettings value) {
    return new Settings(listen, upstream, data, publicUrl, packumentTtl, connectTimeout,
        responseTimeout, shutdownGrace, hotCacheBytes, routes, quarantine, operations, webhooks,
        upstreamGuards, server, value);
  }

  /** Every upstream: the routed ones first, then the default that serves every other name. */
  public List<UpstreamRoute> allUpstreams() {
    List<UpstreamRoute> all = new java.util.ArrayList<>(routes);
    all.add(UpstreamRoute.fallback(upstream).withTarballOrigins(upstreamGuards.tarballOrigins()));
    return List.copyOf(all);
  }
}
