package dev.lazaret.proxy.registry;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
  }

  private record Key(String name, long generation, long epoch, Object verdict, String baseUrl) {

    /** Whether this rendering of the same package is older than {@code newer}. */
    boolean supersededBy(Key newer) {
      return name.equals(newer.name) && baseUrl.equals(newer.baseUrl)
          && (generation < newer.generation || epoch < newer.epoch);
    }
  }

  private final AsyncCache<Key, Views> cache;

  ViewCache(long maxBytes, Executor executor) {
    this.cache = Caffeine.newBuilder()
        .executor(executor)
        .maximumWeight(Math.max(1, maxBytes))
        .weigher((Key k, Views v) -> v.weight())
        .buildAsync();
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
