package dev.lazaret.proxy.registry;

/** How a response's metadata was obtained; sent to clients in the {@code X-Lazaret-Cache} header. */
public enum CacheStatus {
  /** Served from the cache within its TTL. */
  HIT,
  /** Fetched from the upstream because nothing was cached. */
  MISS,
  /** The cached copy was revalidated with the upstream (304 or a new document). */
  REVALIDATED,
  /** The upstream failed; the last good copy was served. */
  STALE
}
