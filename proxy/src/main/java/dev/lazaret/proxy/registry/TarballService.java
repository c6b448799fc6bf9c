package dev.lazaret.proxy.registry;

import dev.lazaret.proxy.npm.PackageName;
import dev.lazaret.proxy.npm.VersionEntry;
import dev.lazaret.proxy.upstream.UpstreamRouter;
import dev.lazaret.storage.StoredTarball;
import dev.lazaret.storage.TarballDigest;
import dev.lazaret.storage.TarballStore;
import io.netty.buffer.ByteBuf;
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
  private final SmallTarballs small;

  TarballService(TarballStore store, UpstreamRouter upstreams, Executor executor,
      long smallTarballBytes) {
    this.store = store;
    this.upstreams = upstreams;
    this.executor = executor;
    this.small = new SmallTarballs(smallTarballBytes);
  }

  /** The tarball if it is held in memory (no blocking), else null: then call {@link #open}. */
  TarballSource held(TarballDigest digest) {
    ByteBuf whole = small.get(digest);
    if (whole == null) {
      return null;
    }
    // Still a use for the store's eviction order, though no store read was needed.
    store.recordUse(digest);
    return new HeldTarballSource(whole);
  }

  /**
   * Starts downloading the tarball of {@code version} into the store unless it is there or on
   * its way, with nobody following yet: for a request still being judged, so the download does
   * not wait for the verdict. Blocking store reads happen on the caller.
   */
  void prefetch(PackageName name, VersionEntry version, TarballDigest digest) {
    if (small.get(digest) == null && !downloads.containsKey(digest)
        && store.find(digest).isEmpty()) {
      startOrJoin(name, version, digest);
    }
  }

  /** A source for the tarball of {@code version}; blocking store reads happen on the caller. */
  TarballSource open(PackageName name, VersionEntry version, TarballDigest digest) {
    Optional<TarballSource> stored = store.find(digest).map(this::fromStore);
    if (stored.isPresent()) {
      return stored.get();
    }
    TarballDownload download = startOrJoin(name, version, digest);
    // None: it was committed since find() above, so the store has it now.
    return download != null ? download.follow() : open(name, version, digest);
  }

  /**
   * The download of {@code digest}: the one running, or a new one started; null if a download
   * committed it between the caller's look in the store and now.
   */
  private TarballDownload startOrJoin(PackageName name, VersionEntry version,
      TarballDigest digest) {
    TarballDownload mine = new TarballDownload(name, version, digest, store,
        upstreams.route(name).client());
    TarballDownload running = downloads.putIfAbsent(digest, mine);
    if (running != null) {
      return running;
    }
    // Re-check: a download for this digest may have committed between find() and putIfAbsent().
    if (store.find(digest).isPresent()) {
      downloads.remove(digest, mine);
      return null;
    }
    executor.execute(() -> {
      try {
        mine.run();
      } finally {
        downloads.remove(digest, mine);
      }
    });
    return mine;
  }

  private TarballSource fromStore(StoredTarball tarball) {
    return SmallTarballs.fits(tarball) ? new HeldTarballSource(small.load(tarball))
        : new StoredTarballSource(tarball);
  }

  /** Downloads in progress (for tests and metrics). */
  int inProgress() {
    return downloads.size();
  }
}
