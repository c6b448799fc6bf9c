package dev.lazaret.proxy.registry;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.lazaret.proxy.npm.PackumentRenderer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Rendered packument views, computed once per (document generation, policy epoch and verdict,
 * public base URL) and shared by every request for them; concurrent first requests render once.
 */
final class ViewCache {

  /** Both forms of one gated packument, for one base URL. */
  record Views(View full, View abbreviated) {
    int weight() {
      return (int) Math.min(Integer.MAX_VALUE, (long) full.weight() + abbreviated.weight());
    }

    /** Gives the cache's holds back: runs once the entry is out of the cache. */
    void released() {
      full.release();
      abbreviated.release();
    }
  }

  private record Key(String name, long generation, long epoch, Object verdict, String baseUrl) {

    /** Whether this rendering of the same package is older than {@code newer}. */
    boolean supersededBy(Key newer) {
      return name.equals(newer.name) && baseUrl.equals(newer.baseUrl)
          && (generation < newer.generation || epoch < newer.epoch);
    }
  }

  /** Renderings freed before they could be sent, in a row, before a request gives up. */
  private static final int MAX_ACQUIRE_ATTEMPTS = 8;

  private final AsyncCache<Key, Views> cache;

  ViewCache(long maxBytes, Executor executor) {
    this.cache = Caffeine.newBuilder()
        .executor(executor)
        .maximumWeight(Math.max(1, maxBytes))
        .weigher((Key k, Views v) -> v.weight())
        // Runs after the entry left the map (evicted, rejected on admission, superseded): a
        // request that still finds it there acquires it before this gives the cache's hold back.
        .removalListener((Key k, Views v, RemovalCause cause) -> {
          if (v != null) {
            v.released();
          }
        })
        .buildAsync();
  }

  /**
   * One form of the views of {@code gated}, acquired for one response (the caller releases it
   * once written). A rendering freed between the lookup and the acquire has left the cache
   * already, so asking again renders it anew.
   */
  CompletableFuture<View> acquire(GatedPackument gated, String baseUrl, boolean abbreviated) {
    return acquire(gated, baseUrl, abbreviated, 0);
  }

  private CompletableFuture<View> acquire(GatedPackument gated, String baseUrl,
      boolean abbreviated, int attempt) {
    return views(gated, baseUrl).thenCompose(v -> {
      View view = abbreviated ? v.abbreviated() : v.full();
      if (view.acquire()) {
        return CompletableFuture.completedFuture(view);
      }
      if (attempt >= MAX_ACQUIRE_ATTEMPTS) {
        // Only under eviction churn far beyond the cache's size: answer, but say why.
        return CompletableFuture.failedFuture(new IllegalStateException("the rendering of "
            + gated.snapshot().index().name() + " was evicted " + attempt + " times in a row"
            + " before it could be sent; cache.hot-bytes is too small for this load"));
      }
      return acquire(gated, baseUrl, abbreviated, attempt + 1);
    });
  }

  /** The views of {@code gated} for clients reaching Lazaret at {@code baseUrl}. */
  CompletableFuture<Views> views(GatedPackument gated, String baseUrl) {
    // The verdict object identity is part of the key: a re-judged package (hold ended) gets new
    // views even if generation and epoch are unchanged.
    Key key = new Key(gated.snapshot().index().name().toString(), gated.snapshot().generation(),
        gated.epoch(), new IdentityKey(gated.verdict()), baseUrl);
    return cache.get(key, (k, executor) -> CompletableFuture.supplyAsync(() -> {
      // Older renderings of this package are never asked for again (their generation or epoch
      // is gone), but would hold their direct memory until the weight bound pushed them out:
      // for a 100 MB packument, that is the difference between one rendering and two.
      cache.asMap().keySet().removeIf(old -> old.supersededBy(k));
      // Rendered straight into direct memory: a 100 MB packument has no heap copy of its output.
      OffHeapOutput full = new OffHeapOutput();
      OffHeapOutput abbreviated = new OffHeapOutput();
      PackumentRenderer.render(gated.snapshot().index(), gated.snapshot().cached().json(),
          gated.visible(), baseUrl, full, abbreviated);
      return new Views(View.of(full), View.of(abbreviated));
    }, executor));
  }

  /** Runs pending evictions now (tests). */
  void cleanUp() {
    cache.synchronous().cleanUp();
  }

  /** Renderings held now. */
  long size() {
    return cache.synchronous().estimatedSize();
  }

  /** Compares by identity: verdicts are immutable and recomputed, never mutated. */
  private record IdentityKey(Object ref) {
    @Override
    public boolean equals(Object o) {
      return o instanceof IdentityKey k && k.ref == ref;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(ref);
    }
  }
}
