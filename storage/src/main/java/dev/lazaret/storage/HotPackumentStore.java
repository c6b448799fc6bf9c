package dev.lazaret.storage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the most requested packuments on the heap in front of a durable store, bounded by total
 * body size. Writes go through to the durable store first, then to the cache; both happen inside
 * the cache's per-key compute, so concurrent writers of one name cannot leave the cache holding an
 * older version than the store.
 *
 * <p>Cached documents are shared, not copied: callers must not modify a returned {@code json}.
 */
final class HotPackumentStore implements PackumentStore {

  private static final Logger log = LoggerFactory.getLogger(HotPackumentStore.class);

  private final PackumentStore durable;
  private final Cache<String, CachedPackument> hot;
  private volatile boolean closed;

  HotPackumentStore(PackumentStore durable, long maximumBodyBytes) {
    this.durable = durable;
    this.hot = Caffeine.newBuilder()
        .maximumWeight(maximumBodyBytes)
        .weigher((String name, CachedPackument packument) -> packument.json().length)
        .build();
  }

  @Override
  public Optional<CachedPackument> get(String name) {
    requireOpen("get packument " + name);
    // A miss is not cached (Caffeine stores no nulls), so a later put is seen at once.
    return Optional.ofNullable(hot.get(name, key -> durable.get(key).orElse(null)));
  }

  @Override
  public void put(String name, CachedPackument packument) {
    requireOpen("put packument " + name);
    hot.asMap().compute(name, (key, old) -> {
      durable.put(key, packument);
      return packument;
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>While writes fail (disk full), only the cached copy is marked: a revalidation time is
   * advisory (losing it costs one more revalidation after a restart), and failing here would turn
   * a cached document the upstream just confirmed into an error.
   */
  @Override
  public void markRevalidated(String name, Instant when) {
    requireOpen("mark packument " + name + " revalidated");
    hot.asMap().compute(name, (key, old) -> {
      try {
        durable.markRevalidated(key, when);
      } catch (WritesFailingException e) {
        log.debug("Revalidation of packument {} kept in memory only: {}", key, e.getMessage());
      }
      return old == null ? null : old.revalidatedAt(when);
    });
  }

  @Override
  public void delete(String name) {
    requireOpen("delete packument " + name);
    hot.asMap().compute(name, (key, old) -> {
      durable.delete(key);
      return null;
    });
  }

  /** Drops every cached document; later calls fail fast, as the durable store's would. */
  void close() {
    closed = true;
    hot.invalidateAll();
  }

  private void requireOpen(String operation) {
    if (closed) {
      throw new StoreException("cannot " + operation + ": the packument cache is closed");
    }
  }
}
