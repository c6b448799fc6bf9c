package dev.lazaret.proxy.registry;

import dev.lazaret.proxy.npm.PackageName;
import dev.lazaret.proxy.npm.VersionEntry;
import dev.lazaret.proxy.upstream.UpstreamRouter;
import dev.lazaret.storage.TarballDigest;
import dev.lazaret.storage.TarballStore;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;

/**
 * Serves tarballs from the store, or downloads them once however many clients ask at the same
 * time: concurrent requests for the same digest follow one {@link TarballDownload}.
 */
final class TarballService {

  private final TarballStore store;
  private final UpstreamRouter upstreams;
  private final Executor executor;
  private final ConcurrentMap<TarballDigest, TarballDownload> downloads = new ConcurrentHashMap<>();

  TarballService(TarballStore store, UpstreamRouter upstreams, Executor executor) {
    this.store = store;
    this.upstreams = upstreams;
    this.executor = executor;
  }

  /** A source for the tarball of {@code version}; blocking store reads happen on the caller. */
  TarballSource open(PackageName name, VersionEntry version, TarballDigest digest) {
    Optional<TarballSource> stored = store.find(digest).map(StoredTarballSource::new);
    if (stored.isPresent()) {
      return stored.get();
    }
    TarballDownload mine = new TarballDownload(name, version, digest, store,
        upstreams.route(name).client());
    TarballDownload running = downloads.putIfAbsent(digest, mine);
    if (running != null) {
      return running.follow();
    }
    // Re-check: a download for this digest may have committed between find() and putIfAbsent().
    Optional<TarballSource> raced = store.find(digest).map(StoredTarballSource::new);
    if (raced.isPresent()) {
      downloads.remove(digest, mine);
      return raced.get();
    }
    executor.execute(() -> {
      try {
        mine.run();
      } finally {
        downloads.remove(digest, mine);
      }
    });
    return mine.follow();
  }

  /** Downloads in progress (for tests and metrics). */
  int inProgress() {
    return downloads.size();
  }
}
