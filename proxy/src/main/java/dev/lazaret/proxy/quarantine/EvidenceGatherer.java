package dev.lazaret.proxy.quarantine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lazaret.policy.Advisories;
import dev.lazaret.policy.Evidence;
import dev.lazaret.policy.PackageFacts;
import dev.lazaret.policy.PublisherEvidence;
import dev.lazaret.policy.VersionFacts;
import dev.lazaret.proxy.concurrent.SingleFlight;
import dev.lazaret.proxy.config.UpstreamRoute;
import dev.lazaret.proxy.upstream.NamedUpstream;
import dev.lazaret.proxy.upstream.UpstreamException;
import dev.lazaret.proxy.upstream.UpstreamRouter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers what the policy needs beyond the packument: publisher evidence and advisories.
 * Evidence is needed only for versions still inside the risky cooldown (older ones are past
 * every hold), and it is reused from the ledger: only an account never searched before makes a
 * judgement wait, and then for at most the lookup timeout. Stale evidence is refreshed in the
 * background; when a refresh changes anything, the package is reported so its verdict is redone.
 */
public final class EvidenceGatherer {

  private static final Logger log = LoggerFactory.getLogger(EvidenceGatherer.class);

  /** After a failed search, this long passes before an account is searched again. */
  private static final Duration SEARCH_RETRY = Duration.ofSeconds(60);

  private final PublisherLedger ledger;
  private final UpstreamRouter router;
  private final AdvisoryCheck advisories;
  private final Clock clock;
  private final Duration recentWindow;
  private final Duration publisherTtl;
  private final Duration lookupTimeout;
  /** One search per account at a time. */
  private final SingleFlight<String, Boolean> searches;
  private final Cache<String, Instant> failedSearches =
      Caffeine.newBuilder().expireAfterWrite(SEARCH_RETRY).maximumSize(10_000).build();
  private volatile Consumer<String> onChange = name -> { };

  /**
   * A gatherer.
   *
   * @param recentWindow  versions published longer ago than this need no evidence (the risky
   *                      cooldown: no hold can last longer)
   * @param publisherTtl  how long a maintainer-search answer is reused
   * @param lookupTimeout the longest a judgement waits for a lookup
   * @param background    runs lookups (virtual threads)
   */
  public EvidenceGatherer(PublisherLedger ledger, UpstreamRouter router, AdvisoryCheck advisories,
      Clock clock, Duration recentWindow, Duration publisherTtl, Duration lookupTimeout,
      Executor background) {
    this.ledger = ledger;
    this.router = router;
    this.advisories = advisories;
    this.clock = clock;
    this.recentWindow = recentWindow;
    this.publisherTtl = publisherTtl;
    this.lookupTimeout = lookupTimeout;
    this.searches = new SingleFlight<>(background);
  }

  /** Called with a package name whenever evidence that may change its verdict arrives late. */
  public void onChange(Consumer<String> listener) {
    this.onChange = listener;
  }

  /** What the ledger knows about the publishing account {@code name}, for explanations. */
  public Optional<PublisherRecord> publisher(String name) {
    return ledger.find(name);
  }

  /** Publisher records learned and not yet written. */
  long pendingWrites() {
    return ledger.pendingWrites();
  }

  /** Publisher records dropped unwritten. */
  long droppedWrites() {
    return ledger.droppedWrites();
  }

  /** Waits until the publisher evidence learned so far is written; false if some still waits. */
  boolean awaitWritten(Duration timeout) {
    return ledger.awaitWritten(timeout);
  }

  /** Writes the publisher evidence that waits, for at most {@code bound}, then stops writing. */
  void close(Duration bound) {
    ledger.close(bound);
  }

  /**
   * The evidence for judging {@code facts} now. Reads the state (only for accounts not in
   * memory); what it learns is written in the background.
   */
  public GatheredEvidence gather(PackageFacts facts) {
    Instant now = clock.instant();
    ledger.observe(facts, now);
    String upstreamName = facts.upstream() == null ? UpstreamRoute.DEFAULT_NAME : facts.upstream();
    Optional<NamedUpstream> upstream = router.named(upstreamName);
    Set<String> recentPublishers = recentPublishers(facts, now);

    boolean complete = true;
    if (upstream.isPresent()) {
      complete = searchWhereNeeded(facts.name(), recentPublishers, upstream.get(), now);
    }
    Map<String, PublisherEvidence> publishers = new LinkedHashMap<>();
    for (String p : recentPublishers) {
      ledger.find(p).ifPresent(r -> publishers.put(p, r.evidence()));
    }
    Advisories found = advisories.check(upstreamName, facts.name(),
        facts.versions().stream().map(VersionFacts::version).toList());
    if (found instanceof Advisories.Skipped skipped && skipped.worthRetrying()) {
      // Retry soon; not when the check is off or the upstream has no advisory service (it
      // answered 4xx, as many internal registries do). A late answer re-judges by itself.
      complete = false;
    }
    return new GatheredEvidence(new Evidence(publishers, found), complete);
  }

  private Set<String> recentPublishers(PackageFacts facts, Instant now) {
    Instant since = now.minus(recentWindow);
    Set<String> names = new LinkedHashSet<>();
    for (VersionFacts v : facts.versions()) {
      if (v.publisher() != null && v.publishedAt() != null && v.publishedAt().isAfter(since)) {
        names.add(v.publisher());
      }
    }
    return names;
  }

  /**
   * Searches accounts never searched (waiting up to the timeout) and refreshes stale ones in the
   * background. Returns whether every needed answer is in.
   */
  private boolean searchWhereNeeded(String packageName, Set<String> accounts,
      NamedUpstream upstream, Instant now) {
    List<CompletableFuture<Boolean>> waitFor = new ArrayList<>();
    boolean complete = true;
    for (String account : accounts) {
      Optional<PublisherRecord> known = ledger.find(account);
      boolean neverSearched = known.map(r -> r.searchedAt() == null).orElse(true);
      boolean stale = !neverSearched && known.get().searchedAt().plus(publisherTtl).isBefore(now);
      if (!neverSearched && !stale) {
        continue;
      }
      if (failedSearches.getIfPresent(account) != null) {
        complete &= !neverSearched;
        continue;
      }
      CompletableFuture<Boolean> search = startSearch(account, upstream);
      if (neverSearched) {
        waitFor.add(search);
      } else {
        PublisherEvidence before = known.get().evidence();
        search.thenAccept(ok -> {
          if (ok && !ledger.find(account).map(PublisherRecord::evidence).orElseThrow()
              .equals(before)) {
            onChange.accept(packageName);
          }
        });
      }
    }
    if (waitFor.isEmpty()) {
      return complete;
    }
    try {
      CompletableFuture.allOf(waitFor.toArray(CompletableFuture[]::new))
          .get(lookupTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn("maintainer search for {} took longer than {}; judging without it",
          packageName, lookupTimeout);
    } catch (ExecutionException e) {
      // each search reports its own failure
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (CompletableFuture<Boolean> f : waitFor) {
      if (!f.isDone()) {
        // It answers after this judgement gave up on it: judge again when it does.
        f.thenAccept(ok -> onChange.accept(packageName));
      }
      complete &= f.isDone() && !f.isCompletedExceptionally() && f.join();
    }
    return complete;
  }

  private CompletableFuture<Boolean> startSearch(String account, NamedUpstream upstream) {
    return searches.run(account, () -> runSearch(account, upstream));
  }

  private boolean runSearch(String account, NamedUpstream upstream) {
    try {
      MaintainerSearch.Result r = MaintainerSearch.search(upstream.client(), account);
      ledger.recordSearch(account, r.packages(), r.oldestPackageDate(), clock.instant());
      return true;
    } catch (UpstreamException | RuntimeException e) {
      log.warn("maintainer search for '{}' on upstream '{}' failed: {}", account,
          upstream.name(), e.getMessage());
      failedSearches.put(account, clock.instant());
      return false;
    }
  }
}
