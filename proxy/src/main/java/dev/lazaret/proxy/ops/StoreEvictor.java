package dev.lazaret.proxy.ops;

import dev.lazaret.storage.Eviction;
import dev.lazaret.storage.StoreException;
import dev.lazaret.storage.TarballStore;
import io.prometheus.metrics.core.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the tarball store under {@code storage.max-size}. Checked often (reading the stored total
 * is one atomic read), so a burst of large downloads is trimmed within seconds; when over, evicts
 * least recently used tarballs down to a little under the limit, so the store does not sit at the
 * edge and re-plan an eviction (a walk over every tarball) at every check. Only tarballs are ever
 * evicted: packuments and policy records are not in the tarball store. An evicted tarball is
 * simply downloaded again on its next request.
 */
public final class StoreEvictor {

  private static final Logger log = LoggerFactory.getLogger(StoreEvictor.class);
  /** Evict down to this share of the limit: 5% headroom. */
  static final double TARGET_SHARE = 0.95;

  private final TarballStore tarballs;
  private final long maxBytes;
  private final Counter evictedTarballs;
  private final Counter evictedBytes;

  /** Keeps {@code tarballs} under {@code maxBytes} (0: no limit, never evicts). */
  public StoreEvictor(TarballStore tarballs, long maxBytes, Metrics metrics) {
    this.tarballs = tarballs;
    this.maxBytes = maxBytes;
    evictedTarballs = Counter.builder().name("lazaret_store_evicted_tarballs_total")
        .help("Tarballs evicted to stay within storage.max-size").register(metrics.registry());
    evictedBytes = Counter.builder().name("lazaret_store_evicted_bytes_total")
        .help("Bytes of tarballs evicted to stay within storage.max-size")
        .register(metrics.registry());
    metrics.gauge("lazaret_store_max_bytes", "The storage.max-size limit (0: none)",
        () -> maxBytes);
  }

  /** Whether a limit is set at all. */
  public boolean enabled() {
    return maxBytes > 0;
  }

  /** The size evicted down to once the limit is passed. */
  long targetBytes() {
    return (long) (maxBytes * TARGET_SHARE);
  }

  /** Evicts if the store is over the limit; what was evicted (nothing if under). */
  public Eviction check() {
    if (!enabled() || tarballs.storedBytes() <= maxBytes) {
      return Eviction.NONE;
    }
    long before = tarballs.storedBytes();
    Eviction evicted;
    try {
      evicted = tarballs.evictTo(targetBytes());
    } catch (StoreException e) {
      // The store is closing, or failed; the next check tries again if it is still open.
      log.warn("evicting tarballs failed: {}", e.getMessage());
      return Eviction.NONE;
    }
    evictedTarballs.inc(evicted.tarballs());
    evictedBytes.inc(evicted.bytes());
    log.info("store over storage.max-size ({} > {} bytes): evicted {} least recently used "
        + "tarball(s), {} bytes; {} bytes stored", before, maxBytes, evicted.tarballs(),
        evicted.bytes(), tarballs.storedBytes());
    return evicted;
  }
}
