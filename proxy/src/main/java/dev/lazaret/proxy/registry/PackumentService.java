package dev.lazaret.proxy.registry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lazaret.proxy.concurrent.SingleFlight;
import dev.lazaret.proxy.config.UpstreamRoute;
import dev.lazaret.proxy.npm.MalformedPackumentException;
import dev.lazaret.proxy.npm.PackageName;
import dev.lazaret.proxy.npm.PackumentIndex;
import dev.lazaret.proxy.npm.VersionEntry;
import dev.lazaret.proxy.upstream.PackumentResponse;
import dev.lazaret.proxy.upstream.NamedUpstream;
import dev.lazaret.proxy.upstream.UpstreamRouter;
import dev.lazaret.proxy.upstream.UpstreamException;
import dev.lazaret.storage.CachedPackument;
import dev.lazaret.storage.PackumentStore;
import dev.lazaret.storage.RemovedVersion;
import dev.lazaret.storage.RemovedVersionLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps packuments: hot snapshots in memory, documents in the store, revalidated with the
 * upstream after the TTL by conditional request, one upstream request per package at a time, and
 * the last good copy served when the upstream fails or answers with a broken document.
 *
 * <p>Revalidation never holds up a request that has a copy for long: the request that finds the
 * TTL expired waits at most {@link #REVALIDATION_GRACE} for the upstream (a healthy one answers
 * well within it, so clients see the newest document), then gets the cached copy as stale while
 * the revalidation finishes in the background; requests meanwhile get the copy at once. Only a
 * request with nothing cached waits for the upstream, bounded by its timeout (and not at all
 * while the upstream's circuit breaker is open, see {@link BreakerUpstream}).
 */
final class PackumentService {

  private static final Logger log = LoggerFactory.getLogger(PackumentService.class);

  /** After an upstream failure, serve the stale copy this long before asking again. */
  private static final Duration FAILURE_BACKOFF = Duration.ofSeconds(10);


  /**
   * How long an upstream 404 for a package is remembered: a typo or an internal name that npm
   * asks about on every install then costs one upstream request per half minute, not one per
   * request. A package published meanwhile shows up at most this late, like the public
   * registry's own CDN caching of its 404s.
   */
  static final Duration NOT_FOUND_TTL = Duration.ofSeconds(30);
  /** Bounds the names remembered; a flood of random names evicts the oldest. */
  private static final int NOT_FOUND_NAMES = 10_000;
  /**
   * How long the request that finds a copy past its TTL waits for the revalidation before it is
   * served the copy as stale: short enough that a hung upstream costs a client almost nothing,
   * long enough that a healthy upstream's 304 or new document is served at once.
   */
  static final Duration REVALIDATION_GRACE = Duration.ofMillis(500);
  private static final String REVALIDATING = "the upstream is slow to answer; revalidating the "
      + "cached copy in the background";

  private final PackumentStore store;
  private final RemovedVersionLog removals;
  private final UpstreamRouter upstreams;
  private final Clock clock;
  private final Duration ttl;
  private final Cache<String, PackumentSnapshot> hot;
  /** Store reads of packages not in memory, one per package at a time. */
  private final SingleFlight<String, PackumentSnapshot> loads;
  /** Upstream requests, one per package at a time. */
  private final SingleFlight<String, PackumentLookup> flights;
  private final Executor blocking;
  private final Cache<String, Absent> absent =
      Caffeine.newBuilder().maximumSize(NOT_FOUND_NAMES).build();
  /** 404s that outlive the negative TTL and restarts, answered while the upstream is down. */
  private final AbsentNames absentNames;
  private final LongAdder malformedDocuments = new LongAdder();
  private final Generations generations = new Generations();
  /**
   * Per upstream, revalidations still running past {@link #REVALIDATION_GRACE}: while there are
   * any, that upstream is slow and requests with a copy are answered at once, without the grace.
   */
  private final ConcurrentMap<String, AtomicInteger> overdue = new ConcurrentHashMap<>();

  /** A 404 remembered until {@code until}, answered with {@code error}. */
  private record Absent(Instant until, RegistryException.NotFound error) {}

  PackumentService(PackumentStore store, RemovedVersionLog removals, UpstreamRouter upstreams,
      Clock clock,
      Duration ttl, long hotBytes, Executor blockingExecutor, AbsentNames absentNames) {
    this.store = store;
    this.removals = removals;
    this.upstreams = upstreams;
    this.clock = clock;
    this.ttl = ttl;
    this.hot = Caffeine.newBuilder()
        .maximumWeight(Math.max(1, hotBytes))
        .weigher((String k, PackumentSnapshot s) -> s.index().approximateBytes() + s.cached().json().length)
        .build();
    this.loads = new SingleFlight<>(blockingExecutor);
    this.flights = new SingleFlight<>(blockingExecutor);
    this.blocking = blockingExecutor;
    this.absentNames = absentNames;
  }

  /** The packument for {@code name}: from memory when fresh, else via the store and upstream. */
  CompletableFuture<PackumentLookup> lookup(PackageName name) {
    String key = name.toString();
    PackumentSnapshot snap = hot.getIfPresent(key);
    if (snap != null) {
      return fromCopy(name, snap, true);
    }
    Absent gone = absent.getIfPresent(key);
    if (gone != null) {
      if (clock.instant().isBefore(gone.until())) {
        return CompletableFuture.failedFuture(gone.error());
      }
      absent.asMap().remove(key, gone);
    }
    return loads.run(key, () -> load(name).map(stored -> {
      if (!isRouted(name, stored)) {
        return stored;
      }
      PackumentSnapshot raced = hot.asMap().putIfAbsent(key, stored);
      return raced != null ? raced : stored;
    }).orElse(null)).thenCompose(stored -> stored != null ? fromCopy(name, stored, false)
        : flights.run(key, () -> refresh(name)));
  }

  /**
   * Answers from a copy: at once while fresh, in backoff, already being revalidated, or while
   * its upstream is slow; else after the revalidation this starts, or after
   * {@link #REVALIDATION_GRACE} with the copy as stale.
   *
   * @param inMemory whether {@code snap} came from memory, where only copies from the upstream
   *                 the name is routed to are kept (so warm requests never match routes)
   */
  private CompletableFuture<PackumentLookup> fromCopy(PackageName name, PackumentSnapshot snap,
      boolean inMemory) {
    Instant now = clock.instant();
    // A copy whose last refresh failed is past its TTL: it is only ever stale, never a hit. (A
    // copy from an upstream no longer routed to never gets into memory without a failure.)
    boolean routed = inMemory || isRouted(name, snap);
    if (snap.upstreamFailure() == null && isFresh(snap, now) && routed) {
      return CompletableFuture.completedFuture(new PackumentLookup(snap, CacheStatus.HIT, null));
    }
    if (inBackoff(snap, now)) {
      return CompletableFuture.completedFuture(
          new PackumentLookup(snap, CacheStatus.STALE, snap.failureMessage()));
    }
    String key = name.toString();
    PackumentLookup stale = new PackumentLookup(snap, CacheStatus.STALE, REVALIDATING);
    AtomicInteger slow = overdue.computeIfAbsent(upstreams.route(name).name(),
        u -> new AtomicInteger());
    boolean alreadyRevalidating = flights.isRunning(key);
    CompletableFuture<PackumentLookup> revalidation = flights.run(key, () -> refresh(name));
    if (alreadyRevalidating || slow.get() > 0) {
      return CompletableFuture.completedFuture(stale);
    }
    CompletableFuture<PackumentLookup> answer = revalidation.copy();
    CompletableFuture.delayedExecutor(REVALIDATION_GRACE.toMillis(), TimeUnit.MILLISECONDS,
        blocking).execute(() -> {
          if (answer.complete(stale)) {
            // The upstream outlasted the grace: until this revalidation ends, nobody else waits.
            slow.incrementAndGet();
            revalidation.whenComplete((done, failure) -> slow.decrementAndGet());
          }
        });
    return answer;
  }

  /** Forgets the in-memory copy (the stored one stays), e.g. after a policy-relevant change. */
  void evict(PackageName name) {
    hot.invalidate(name.toString());
  }

  private PackumentLookup refresh(PackageName name) {
    String key = name.toString();
    PackumentSnapshot snap = hot.getIfPresent(key);
    if (snap == null) {
      snap = load(name).orElse(null);
    }
    Instant now = clock.instant();
    NamedUpstream upstream = upstreams.route(name);
    // A copy from another upstream (the routes changed) is never fresh and never revalidated
    // against this one; it stays only as a stale fallback, which the policy blocks for
    // protected names.
    boolean sameUpstream = snap != null && upstreamOf(snap).equals(upstream.name());
    if (sameUpstream && isFresh(snap, now)) {
      hot.put(key, snap);
      return new PackumentLookup(snap, CacheStatus.HIT, null);
    }
    if (snap != null && inBackoff(snap, now)) {
      return new PackumentLookup(snap, CacheStatus.STALE, snap.failureMessage());
    }
    if (sameUpstream) {
      // Revalidated in the background while the copy is served: keep it in memory meanwhile.
      hot.asMap().putIfAbsent(key, snap);
    }
    PackumentResponse response;
    try {
      response = upstream.client().packument(name,
          sameUpstream ? snap.cached().etag() : null,
          sameUpstream ? snap.cached().lastModified() : null);
      try {
        return apply(name, snap, upstream, response, clock.instant());
      } finally {
        // Parsed, stored and snapshotted (or failed): the body's budget is free again.
        if (response instanceof PackumentResponse.Fetched fetched) {
          fetched.close();
        }
      }
    } catch (UpstreamException | MalformedPackumentException e) {
      return failed(name, snap, e);
    }
  }

  private PackumentLookup apply(PackageName name, PackumentSnapshot old, NamedUpstream upstream,
      PackumentResponse response, Instant now) {
    String key = name.toString();
    return switch (response) {
      case PackumentResponse.Fetched f -> {
        PackumentIndex index = parseFresh(name, f.json(), upstream);
        CachedPackument cached =
            new CachedPackument(f.json(), f.etag(), f.lastModified(), now, upstream.name());
        if (old != null && upstreamOf(old).equals(upstream.name())) {
          recordRemovals(old.index(), index, now);
        }
        store.put(key, cached);
        if (old == null) {
          absentNames.forget(key);
        }
        PackumentSnapshot fresh =
            new PackumentSnapshot(cached, index, generations.fresh(key, cached), null, null);
        hot.put(key, fresh);
        yield new PackumentLookup(fresh, old == null ? CacheStatus.MISS : CacheStatus.REVALIDATED, null);
      }
      case PackumentResponse.NotModified nm -> {
        if (old == null) {
          throw new RegistryException.UpstreamFailed(
              "upstream answered 304 for " + name + " without a cached copy", false);
        }
        store.markRevalidated(key, now);
        PackumentSnapshot again = old.revalidated(now);
        hot.put(key, again);
        yield new PackumentLookup(again, CacheStatus.REVALIDATED, null);
      }
      case PackumentResponse.NotFound nf -> {
        if (old != null) {
          // The whole package was unpublished or pulled: stop serving it, keep the facts.
          log.warn("package {} is gone upstream; it is no longer served", name);
          if (upstreamOf(old).equals(upstream.name())) {
            recordRemovals(old.index(), null, now);
          }
          store.delete(key);
          hot.invalidate(key);
        }
        RegistryException.NotFound notFound =
            new RegistryException.NotFound("package '" + name + "' not found");
        absent.put(key, new Absent(now.plus(NOT_FOUND_TTL), notFound.remembered()));
        absentNames.remember(key, now);
        throw notFound;
      }
    };
  }

  private PackumentLookup failed(PackageName name, PackumentSnapshot snap, Exception e) {
    String message = e.getMessage();
    if (e instanceof MalformedPackumentException) {
      malformedDocuments.increment();
    }
    if (snap != null) {
      if (e instanceof MalformedPackumentException) {
        log.warn("upstream sent a broken packument for {}; serving the last good copy: {}", name,
            message);
      } else if (e instanceof BreakerUpstream.Refused) {
        // The breaker logged the outage once; one line per package would flood the log.
        log.debug("serving stale {}: {}", name, message);
      } else {
        log.warn("serving stale {}: {}", name, message);
      }
      PackumentSnapshot stale = snap.failed(clock.instant(), message);
      hot.put(name.toString(), stale);
      return new PackumentLookup(stale, CacheStatus.STALE, message);
    }
    boolean outage = e instanceof UpstreamException ue && BreakerUpstream.isOutage(ue);
    if (outage && absentNames.isAbsent(name.toString(), clock.instant())) {
      // npm probes names that do not exist (optional platform packages) on every install: a 502
      // would make it retry with back-off; the upstream's last word on the name was a 404.
      throw new RegistryException.NotFound("package '" + name + "' not found (the upstream "
          + "cannot be asked now; it did not have it when last asked)").remembered();
    }
    boolean timeout = e instanceof UpstreamException ue && ue.kind() == UpstreamException.Kind.TIMEOUT;
    throw new RegistryException.UpstreamFailed(message + "; nothing cached for " + name, timeout);
  }

  /**
   * Parses a document just fetched. Anything wrong with it as a whole is a
   * {@link MalformedPackumentException}, which keeps the last good copy: a broken document must
   * never replace it, nor make its versions look removed.
   */
  private static PackumentIndex parseFresh(PackageName name, byte[] json, NamedUpstream upstream) {
    try {
      return PackumentIndex.parse(name, json, upstream.client().base());
    } catch (MalformedPackumentException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new MalformedPackumentException("upstream packument for " + name
          + " cannot be read: " + e.getMessage());
    }
  }

  /** Fresh documents from upstream refused as malformed as a whole, since start. */
  long malformedDocuments() {
    return malformedDocuments.sum();
  }

  private Optional<PackumentSnapshot> load(PackageName name) {
    return store.get(name.toString()).flatMap(cached -> {
      try {
        PackumentIndex index = PackumentIndex.parse(name, cached.json(),
            upstreams.named(cached.upstream() == null ? UpstreamRoute.DEFAULT_NAME
                : cached.upstream()).orElse(upstreams.route(name)).client().base());
        return Optional.of(
            new PackumentSnapshot(cached, index, generations.loaded(name.toString(), cached),
                null, null));
      } catch (MalformedPackumentException e) {
        log.error("stored packument for {} is unreadable; refetching it: {}", name, e.getMessage());
        return Optional.empty();
      }
    });
  }

  private void recordRemovals(PackumentIndex before, PackumentIndex after, Instant now) {
    for (VersionEntry v : before.versions().values()) {
      // A version dropped as malformed is still published upstream: it is not served while
      // broken, but it was not removed, and a permanent removal record would outlive the repair.
      if (after != null && after.dropped().containsKey(v.version())) {
        continue;
      }
      if (after == null || !after.versions().containsKey(v.version())) {
        log.warn("{}@{} was removed upstream; it is no longer served", before.name(), v.version());
        removals.record(new RemovedVersion(before.name().toString(), v.version(), now,
            v.digest().map(dev.lazaret.proxy.npm.Integrity::sri).orElse(null)));
      }
    }
  }

  private boolean isRouted(PackageName name, PackumentSnapshot snap) {
    return upstreamOf(snap).equals(upstreams.route(name).name());
  }

  private static String upstreamOf(PackumentSnapshot snap) {
    String u = snap.cached().upstream();
    return u == null ? UpstreamRoute.DEFAULT_NAME : u;
  }

  private boolean isFresh(PackumentSnapshot snap, Instant now) {
    return now.isBefore(snap.cached().fetchedAt().plus(ttl));
  }

  private static boolean inBackoff(PackumentSnapshot snap, Instant now) {
    return snap.upstreamFailure() != null && now.isBefore(snap.upstreamFailure().plus(FAILURE_BACKOFF));
  }
}
