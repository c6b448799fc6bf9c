package dev.lazaret.proxy.registry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lazaret.policy.PackageVerdict;
import dev.lazaret.policy.Policy;
import dev.lazaret.policy.Verdict;
import dev.lazaret.policy.VerdictUnavailableException;
import dev.lazaret.proxy.concurrent.SingleFlight;
import dev.lazaret.proxy.config.UpstreamRoute;
import dev.lazaret.proxy.npm.VisibleVersions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Applies the policy to snapshots. A verdict is made once per package document and policy state,
 * off the event loop (judging may gather evidence), and reused until it expires (a hold ends),
 * the document changes, the policy epoch moves, or the package is {@linkplain #invalidate
 * invalidated} (a decision or late evidence). So no TTL delays a release, and warm requests
 * never judge.
 */
final class PolicyGate {

  private final Policy policy;
  private final Clock clock;
  private final LongSupplier epoch;
  /**
   * How many versions the cached verdicts may cover in all. An entry's verdict map and visible
   * set grow with its package's versions (a few hundred bytes each: the version string, a map
   * node, a verdict), up to 100,000 for one package, so a bound by package count (it was
   * 20,000) bounded nothing: 20,000 huge packages are billions of versions. Two million is the
   * old count at a typical 100 versions per package (a whole dependency tree stays warm) and
   * caps the worst case at some hundreds of MiB, the equivalent of 20 of the largest packages.
   */
  static final long MAX_CACHED_VERSIONS = 2_000_000;

  /**
   * How long a verdict made without the quarantine state (it could not be read) is reused
   * before the state is asked again: short, so the node recovers quickly, but long enough that
   * requests do not each wait for a database that is down.
   */
  static final Duration UNAVAILABLE_RETRY = Duration.ofSeconds(2);

  /**
   * The cached verdicts, weighed by their package's version count. They hold no document: a
   * cache entry that kept its snapshot would keep the whole upstream document on the heap,
   * outside every byte budget.
   */
  private final Cache<String, Judgement> judged = Caffeine.newBuilder()
      .maximumWeight(MAX_CACHED_VERSIONS)
      .<String, Judgement>weigher((name, j) -> j.weight())
      .build();
  /** Concurrent requests for a package being judged share one judgement. */
  private final SingleFlight<String, GatedPackument> judging;
  /** Counts invalidations, so a verdict made while one happened is used once, not cached. */
  private final AtomicLong invalidations = new AtomicLong();
  /** Runs just before a verdict is cached: lets tests land an invalidation exactly there. */
  private final Runnable beforeCaching;

  /**
   * @param epoch    the current policy epoch; it changes whenever a rule change may change any
   *                 verdict, which invalidates every cached one
   * @param blocking where verdicts are made
   */
  PolicyGate(Policy policy, Clock clock, LongSupplier epoch, Executor blocking) {
    this(policy, clock, epoch, blocking, () -> { });
  }

  /** As above, running {@code beforeCaching} between judging and caching (tests only). */
  PolicyGate(Policy policy, Clock clock, LongSupplier epoch, Executor blocking,
      Runnable beforeCaching) {
    this.policy = policy;
    this.clock = clock;
    this.epoch = epoch;
    this.judging = new SingleFlight<>(blocking);
    this.beforeCaching = beforeCaching;
  }

  /**
   * One package's verdict, for the document generation and policy epoch it was made under.
   * {@code unavailable} is set when the verdict was made without the quarantine state: the
   * versions it did not allow are undetermined rather than refused.
   */
  private record Judgement(long generation, PackageVerdict verdict, VisibleVersions visible,
      long epoch, Optional<String> unavailable) {
    GatedPackument of(PackumentSnapshot snapshot) {
      return new GatedPackument(snapshot, verdict, visible, epoch, unavailable);
    }

    /** Its weight in the cache: the versions it covers (at least one, for the entry itself). */
    int weight() {
      return Math.max(1, Math.max(verdict.verdicts().size(), visible.allowed().size()));
    }
  }

  /** The gated view of {@code snapshot} as of now; completes at once when nothing changed. */
  CompletableFuture<GatedPackument> gate(PackumentSnapshot snapshot) {
    String name = snapshot.index().name().toString();
    long currentEpoch = epoch.getAsLong();
    Judgement j = judged.getIfPresent(name);
    // The same generation is the same content, whichever snapshot object carries it (a
    // revalidation replaces the object, not the document).
    if (j != null && j.epoch() == currentEpoch && stillValid(j.verdict())
        && j.generation() == snapshot.generation()) {
      return CompletableFuture.completedFuture(j.of(snapshot));
    }
    return judging.run(name + '#' + snapshot.generation() + '#' + currentEpoch,
        () -> judge(name, snapshot, currentEpoch));
  }

  /** The versions the cached verdicts cover in all, as the cache weighs them (tests). */
  long cachedVersions() {
    judged.cleanUp();
    return judged.policy().eviction().orElseThrow().weightedSize().orElseThrow();
  }

  /** Forgets the verdict on {@code packageName}; the next request judges it again. */
  void invalidate(String packageName) {
    // Count first, then remove: judge() relies on this order (see its compute).
    invalidations.incrementAndGet();
    judged.invalidate(packageName);
  }

  private GatedPackument judge(String name, PackumentSnapshot snapshot, long currentEpoch) {
    long invalidationsBefore = invalidations.get();
    String upstream = snapshot.cached().upstream() == null ? UpstreamRoute.DEFAULT_NAME
        : snapshot.cached().upstream();
    PackageVerdict verdict;
    Optional<String> unavailable = Optional.empty();
    try {
      verdict = policy.judge(snapshot.index().facts(upstream));
    } catch (VerdictUnavailableException e) {
      verdict = withoutState(snapshot, judged.getIfPresent(name), e.getMessage());
      unavailable = Optional.of(e.getMessage());
    }
    Judgement fresh = new Judgement(snapshot.generation(), verdict,
        VisibleVersions.of(snapshot.index(), verdict), currentEpoch, unavailable);
    beforeCaching.run();
    // Check and write in one atomic step on the package's entry. An invalidation is counted
    // before it removes the entry, so it is either seen here (the verdict is used once and not
    // cached) or removes the entry after this write. A check followed by a separate put let a
    // decision land in between, and the older verdict stayed cached until its hold ended.
    judged.asMap().compute(name,
        (k, current) -> invalidations.get() == invalidationsBefore ? fresh : current);
    return fresh.of(snapshot);
  }

  /**
   * The verdict while the quarantine state cannot be read: what the last verdict on the package
   * allowed stays allowed (nothing could have revoked it: decisions and rules live in that
   * state), every other version is hidden until the state answers again (fail closed).
   */
  private PackageVerdict withoutState(PackumentSnapshot snapshot, Judgement last, String why) {
    Instant retry = clock.instant().plus(UNAVAILABLE_RETRY);
    Verdict undetermined = new Verdict.Hold(retry, List.of(why));
    Map<String, Verdict> verdicts = new LinkedHashMap<>();
    for (String version : snapshot.index().versions().keySet()) {
      Verdict before = last == null ? null : last.verdict().verdicts().get(version);
      verdicts.put(version, before != null && before.allowed() ? before : undetermined);
    }
    return new PackageVerdict(verdicts, Optional.of(retry));
  }

  private boolean stillValid(PackageVerdict verdict) {
    return verdict.validUntil().map(until -> clock.instant().isBefore(until)).orElse(true);
  }
}
