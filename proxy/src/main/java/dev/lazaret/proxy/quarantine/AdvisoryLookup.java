package dev.lazaret.proxy.quarantine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lazaret.policy.Advisories;
import dev.lazaret.proxy.npm.SemVerRange;
import dev.lazaret.proxy.upstream.Advisory;
import dev.lazaret.proxy.upstream.AdvisorySource;
import dev.lazaret.proxy.upstream.UpstreamException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which versions of a package malware advisories list, for the known-malware signal; cached, and
 * never a reason to stall serving.
 *
 * <ul>
 *   <li>What is cached per package is the malware advisories themselves (id and vulnerable
 *       range), not per-version answers: the versions a caller passes are matched against the
 *       ranges locally, so a version published after the lookup is judged without a new request.
 *       (A version the service was never asked about also starts a background refresh, in case
 *       the service filters advisories by the versions it is asked about.)
 *   <li>Only the first lookup of a package waits for the network, and at most
 *       {@code lookupTimeout}; after that it gets {@code skipped} and the request carries on in
 *       the background. An answer older than {@code ttl} is still returned while a background
 *       refresh fetches a new one (stale-while-revalidate); a refresh that changes the answer is
 *       reported to the {@link #onChange} listeners, so verdicts can be recomputed.
 *   <li>A failed lookup is answered with {@code skipped("advisory service unreachable: ...")} and
 *       retried after {@code failureTtl} (30 s by default): long enough not to hammer a dead
 *       service, short enough not to skip checks for an hour. A 4xx (but 429) is skipped as
 *       {@code NO_SERVICE}: the upstream has no advisory service, which asking again soon will
 *       not change. The service's state is logged once per change, not once per package
 *       ({@link AdvisoryServiceHealth}). A failed <em>refresh</em> keeps the
 *       previous answer instead: advisories that were found stay in force (a version known to be
 *       malware must not become servable because the service went down).
 *   <li>Concurrent lookups of one package share one request.
 * </ul>
 *
 * <p>Freshness is tracked per entry rather than with Caffeine's {@code refreshAfterWrite}, which
 * has one fixed period; failures need a shorter one. Caffeine bounds the size and drops entries
 * nobody has refreshed for eight TTLs, whose answers are too old to serve
 * even while revalidating.
 */
public final class AdvisoryLookup implements AutoCloseable {

  /** How long a failed lookup is remembered before the service is asked again. */
  public static final Duration DEFAULT_FAILURE_TTL = Duration.ofSeconds(30);

  static final long MAX_PACKAGES = 100_000;
  static final int UNUSED_AFTER_TTLS = 8;

  private static final Logger log = LoggerFactory.getLogger(AdvisoryLookup.class);
  private static final String UNREACHABLE = "advisory service unreachable: ";
  private static final Advisories SWITCHED_OFF = Advisories.skipped(
      Advisories.Skipped.Cause.SWITCHED_OFF, "advisory lookup is switched off");
  private static final AdvisoryLookup DISABLED = new AdvisoryLookup();

  private final AdvisorySource source;
  private final Duration ttl;
  private final Duration failureTtl;
  private final Duration lookupTimeout;
  private final Clock clock;
  private final AdvisoryServiceHealth health;
  private final Cache<String, Entry> cache;
  private final ExecutorService executor;
  /** The refresh running per package; concurrent lookups share it. */
  private final ConcurrentMap<String, CompletableFuture<Entry>> refreshing =
      new ConcurrentHashMap<>();
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  /** A lookup that retries failures after {@link #DEFAULT_FAILURE_TTL}. */
  public AdvisoryLookup(AdvisorySource source, Duration ttl, Duration lookupTimeout, Clock clock) {
    this(source, ttl, DEFAULT_FAILURE_TTL, lookupTimeout, clock);
  }

  /** A lookup for the default upstream. */
  public AdvisoryLookup(AdvisorySource source, Duration ttl, Duration failureTtl,
      Duration lookupTimeout, Clock clock) {
    this("default", source, ttl, failureTtl, lookupTimeout, clock);
  }

  /**
   * A lookup over {@code source}.
   *
   * @param upstream      the name of the upstream whose service {@code source} asks, for logs
   *                      and metrics
   * @param ttl           how long an answer counts as fresh
   * @param failureTtl    how long a failure is remembered before the service is asked again
   * @param lookupTimeout the longest the first lookup of a package waits for the service
   * @param clock         the time, for freshness (tests pass one they move)
   */
  public AdvisoryLookup(String upstream, AdvisorySource source, Duration ttl, Duration failureTtl,
      Duration lookupTimeout, Clock clock) {
    this.health = new AdvisoryServiceHealth(upstream);
    this.source = source;
    this.ttl = ttl;
    this.failureTtl = failureTtl;
    this.lookupTimeout = lookupTimeout;
    this.clock = clock;
    this.cache = Caffeine.newBuilder()
        .maximumSize(MAX_PACKAGES)
        .expireAfterWrite(ttl.multipliedBy(UNUSED_AFTER_TTLS))
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        .build();
    this.executor = Executors.newVirtualThreadPerTaskExecutor();
  }

  private AdvisoryLookup() {
    this.source = null;
    this.ttl = this.failureTtl = this.lookupTimeout = Duration.ZERO;
    this.clock = Clock.systemUTC();
    this.health = new AdvisoryServiceHealth("none");
    this.cache = null;
    this.executor = null;
  }

  /** A lookup that never asks anyone and says so: "advisory lookup is switched off". */
  public static AdvisoryLookup disabled() {
    return DISABLED;
  }

  /**
   * The malware advisories listing each of {@code versions}, or {@code skipped} with the reason
   * if the service could not be asked. Blocks only on the first lookup of a package, and at most
   * for {@code lookupTimeout}.
   */
  public Advisories lookup(String packageName, Collection<String> versions) {
    if (source == null) {
      return SWITCHED_OFF;
    }
    if (closed) {
      return Advisories.skipped("advisory lookup is closed");
    }
    Entry entry = cache.getIfPresent(packageName);
    if (entry == null) {
      entry = firstLookup(packageName, versions);
    } else if (!clock.instant().isBefore(entry.refreshAt())
        || !entry.asked().containsAll(versions)) {
      refreshOnce(packageName, versions); // and answer from what we have meanwhile
    }
    return entry.answer(versions);
  }

  /**
   * Registers {@code listener} to be called, on a background thread, with the package name
   * whenever a refresh changes what {@link #lookup} answers for it: malware advisories added or
   * withdrawn, or the lookup going from skipped to checked or back.
   */
  public void onChange(Consumer<String> listener) {
    if (source != null) {
      listeners.add(listener);
    }
  }

  private Entry firstLookup(String packageName, Collection<String> versions) {
    try {
      return refreshOnce(packageName, versions).get(lookupTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      // Later lookups get this answer at once instead of waiting again; the request carries on
      // and its answer replaces this one (and is reported to the listeners).
      Entry slow = Entry.failed(
          unavailable(UNREACHABLE + "no answer within " + lookupTimeout.toMillis() + " ms"),
          versions, clock.instant().plus(failureTtl));
      return cache.asMap().computeIfAbsent(packageName, k -> slow);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Entry.failed(unavailable("advisory lookup interrupted"), versions, Instant.MIN);
    } catch (ExecutionException e) {
      if (!closed) {
        log.error("advisory lookup for {} failed unexpectedly", packageName, e.getCause());
      }
      return Entry.failed(unavailable("advisory lookup failed: " + e.getCause()), versions,
          Instant.MIN);
    }
  }

  /**
   * Starts a refresh of {@code packageName} unless one is running, and returns the running one.
   * (Not {@link SingleFlight}: it completes before it forgets the key, so a caller that sees the
   * answer and at once needs a newer one can be handed the finished run; here the key goes first.)
   */
  private CompletableFuture<Entry> refreshOnce(String packageName, Collection<String> versions) {
    CompletableFuture<Entry> mine = new CompletableFuture<>();
    CompletableFuture<Entry> running = refreshing.putIfAbsent(packageName, mine);
    if (running != null) {
      return running;
    }
    try {
      executor.execute(() -> {
        try {
          Entry stored = refresh(packageName, versions);
          refreshing.remove(packageName, mine);
          mine.complete(stored);
        } catch (Throwable t) {
          refreshing.remove(packageName, mine);
          mine.completeExceptionally(t);
        }
      });
    } catch (RejectedExecutionException closing) {
      refreshing.remove(packageName, mine);
      mine.completeExceptionally(closing);
    }
    return mine;
  }

  /** Whether a refresh of {@code packageName} is running (for tests). */
  boolean isRefreshing(String packageName) {
    return refreshing.containsKey(packageName);
  }

  /** Asks the service about every version asked about so far, and stores the answer. */
  private Entry refresh(String packageName, Collection<String> versions) {
    Entry before = cache.getIfPresent(packageName);
    Set<String> ask = new LinkedHashSet<>(before == null ? Set.of() : before.asked());
    ask.addAll(versions);
    Entry fetched = fetch(packageName, ask);
    Entry[] previous = new Entry[1];
    Entry stored = cache.asMap().compute(packageName, (k, old) -> {
      previous[0] = old;
      boolean keepOld = fetched.failed() && old != null && !old.failed();
      return keepOld ? old.retryAt(fetched.refreshAt(), ask) : fetched;
    });
    if (previous[0] != null && !previous[0].sameAnswer(stored)) {
      listeners.forEach(listener -> notify(listener, packageName));
    }
    return stored;
  }

  private Entry fetch(String packageName, Set<String> ask) {
    Instant now = clock.instant();
    try {
      List<Listed> malware = source.advisories(packageName, ask).stream()
          .filter(Advisory::isMalware)
          .map(Listed::of)
          .toList();
      health.answered();
      return new Entry(malware, null, Set.copyOf(ask), now.plus(ttl));
    } catch (UpstreamException e) {
      boolean noService = hasNoService(e);
      if (!closed) { // closing interrupts requests in flight; that is no failure to report
        // Logged once per upstream when it starts failing, not once per package.
        health.failed(noService ? "no-service" : kindLabel(e), noService, shortReason(e));
      }
      Advisories.Skipped why = noService
          ? new Advisories.Skipped(Advisories.Skipped.Cause.NO_SERVICE,
              "upstream has no advisory service (" + shortReason(e) + ")")
          : unavailable(UNREACHABLE + shortReason(e));
      return Entry.failed(why, ask, now.plus(failureTtl));
    } catch (RuntimeException e) {
      log.warn("advisory lookup for {} failed", packageName, e);
      health.failed("error", false, e.getClass().getSimpleName());
      return Entry.failed(unavailable(UNREACHABLE + e.getClass().getSimpleName()), ask,
          now.plus(failureTtl));
    }
  }

  /**
   * A 4xx other than 429 (too many requests) says the upstream has no advisory service, as many
   * private registries answer: asking again soon will not change it.
   */
  private static boolean hasNoService(UpstreamException e) {
    return e.kind() == UpstreamException.Kind.BAD_STATUS && e.status() >= 400
        && e.status() < 500 && e.status() != 429;
  }

  private static Advisories.Skipped unavailable(String why) {
    return new Advisories.Skipped(Advisories.Skipped.Cause.UNAVAILABLE, why);
  }

  private static String kindLabel(UpstreamException e) {
    return switch (e.kind()) {
      case TIMEOUT -> "timeout";
      case UNREACHABLE -> "unreachable";
      case BAD_STATUS -> "bad-status";
      case BAD_BODY -> "bad-answer";
    };
  }

  /** Failed lookups so far by kind ({@code no-service}, {@code timeout}, ...), for metrics. */
  public Map<String, Long> failures() {
    return health.failures();
  }

  private static String shortReason(UpstreamException e) {
    return switch (e.kind()) {
      case TIMEOUT -> "timed out";
      case UNREACHABLE -> "cannot connect";
      case BAD_STATUS -> "HTTP " + e.status();
      case BAD_BODY -> "unreadable answer";
    };
  }

  private static void notify(Consumer<String> listener, String packageName) {
    try {
      listener.accept(packageName);
    } catch (RuntimeException e) {
      log.error("advisory change listener failed for {}", packageName, e);
    }
  }

  @Override
  public void close() {
    if (source != null) {
      closed = true;
      executor.shutdownNow();
    }
  }

  /**
   * A malware advisory: its id and the versions it lists. A range that cannot be parsed lists
   * every version: the advisory says the package carries malware, and not knowing which versions
   * is no reason to serve any of them.
   */
  private record Listed(String id, String vulnerableVersions, SemVerRange range) {

    static Listed of(Advisory a) {
      // Like npm when it matches advisories: prereleases are in a range like any version.
      SemVerRange range = SemVerRange.tryParse(a.vulnerableVersions(), true).orElse(null);
      if (range == null) {
        log.warn("malware advisory {} has an unreadable range '{}'; it lists every version",
            a.id(), a.vulnerableVersions());
      }
      return new Listed(a.id(), a.vulnerableVersions(), range);
    }

    boolean lists(String version) {
      return range == null || range.includes(version);
    }

    String key() {
      return id + " " + vulnerableVersions;
    }
  }

  /**
   * What is known about one package.
   *
   * @param malware   the malware advisories, when the last lookup succeeded
   * @param failure   why the lookup failed, or null
   * @param asked     every version the service was asked about
   * @param refreshAt when to ask again
   */
  private record Entry(List<Listed> malware, Advisories.Skipped failure, Set<String> asked,
      Instant refreshAt) {

    static Entry failed(Advisories.Skipped why, Collection<String> asked, Instant refreshAt) {
      return new Entry(List.of(), why, Set.copyOf(asked), refreshAt);
    }

    boolean failed() {
      return failure != null;
    }

    Entry retryAt(Instant when, Set<String> alsoAsked) {
      Set<String> all = new LinkedHashSet<>(asked);
      all.addAll(alsoAsked);
      return new Entry(malware, failure, Set.copyOf(all), when);
    }

    Advisories answer(Collection<String> versions) {
      if (failed()) {
        return failure;
      }
      Map<String, List<String>> listed = new LinkedHashMap<>();
      for (String version : versions) {
        List<String> ids = new ArrayList<>();
        malware.stream().filter(m -> m.lists(version)).forEach(m -> ids.add(m.id()));
        if (!ids.isEmpty()) {
          listed.put(version, List.copyOf(ids));
        }
      }
      return listed.isEmpty() ? Advisories.clean() : Advisories.checked(listed);
    }

    boolean sameAnswer(Entry other) {
      return failed() ? other.failed() : !other.failed() && keys().equals(other.keys());
    }

    private Set<String> keys() {
      return malware.stream().map(Listed::key).collect(Collectors.toSet());
    }
  }
}
