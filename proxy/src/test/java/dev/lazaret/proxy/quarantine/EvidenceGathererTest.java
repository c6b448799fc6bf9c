package dev.lazaret.proxy.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.Advisories;
import dev.lazaret.policy.PackageFacts;
import dev.lazaret.policy.VersionFacts;
import dev.lazaret.proxy.npm.PackageName;
import dev.lazaret.proxy.upstream.NamedUpstream;
import dev.lazaret.proxy.upstream.PackumentResponse;
import dev.lazaret.proxy.upstream.RelayResponse;
import dev.lazaret.proxy.upstream.TarballResponse;
import dev.lazaret.proxy.upstream.Upstream;
import dev.lazaret.proxy.upstream.UpstreamException;
import dev.lazaret.proxy.upstream.UpstreamRouter;
import dev.lazaret.storage.Storage;
import dev.lazaret.storage.StorageOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evidence is searched only where it matters, waits at most the timeout, and is reused. */
class EvidenceGathererTest {

  private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
  /** For the slow-search test; the others wait long enough never to time out on a busy machine. */
  private static final Duration TIMEOUT = Duration.ofMillis(300);
  private static final Duration PATIENT = Duration.ofSeconds(20);

  @TempDir Path dir;
  private Storage storage;
  private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
  private final SearchUpstream search = new SearchUpstream();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private EvidenceGatherer gatherer;
  private final List<String> changed = new CopyOnWriteArrayList<>();

  @BeforeEach
  void open() {
    storage = Storage.open(StorageOptions.defaults(dir));
    gatherer = gatherer(PATIENT);
  }

  private EvidenceGatherer gatherer(Duration lookupTimeout) {
    return gatherer(lookupTimeout, (upstream, name, versions) -> Advisories.clean());
  }

  private EvidenceGatherer gatherer(Duration lookupTimeout, AdvisoryCheck advisories) {
    EvidenceGatherer g = new EvidenceGatherer(
        new PublisherLedger(RocksQuarantineState.open(storage)),
        UpstreamRouter.single(new NamedUpstream("default", search)),
        advisories, clock, Duration.ofDays(7),
        Duration.ofHours(24), lookupTimeout, background);
    g.onChange(changed::add);
    return g;
  }

  @AfterEach
  void close() {
    background.shutdownNow();
    storage.close();
  }

  private static PackageFacts pkg(String publisher, Duration ago) {
    return PackageFacts.builder("pkg").upstream("default")
        .version(VersionFacts.builder("1.0.0").publishedAt(NOW.minus(Duration.ofDays(900)))
            .publisher("old-hand").build())
        .version(VersionFacts.builder("1.1.0").publishedAt(NOW.minus(ago)).publisher(publisher)
            .build())
        .build();
  }

  @Test
  void searchesOnlyPublishersOfRecentVersionsAndOnlyOnce() {
    search.answer = "{\"objects\": [{\"package\": {\"name\": \"x\", \"date\": "
        + "\"2020-01-01T00:00:00.000Z\", \"maintainers\": [{\"username\": \"newbie\"}]}}],"
        + " \"total\": 1}";
    GatheredEvidence first = gatherer.gather(pkg("newbie", Duration.ofHours(2)));
    assertThat(first.complete()).isTrue();
    assertThat(search.queries).hasSize(1).allMatch(q -> q.contains("maintainer%3Anewbie"));
    assertThat(first.evidence().publisher("newbie").packagesMaintained()).hasValue(1);
    assertThat(first.evidence().publisher("newbie").earliest())
        .contains(Instant.parse("2020-01-01T00:00:00Z"));
    assertThat(first.evidence().publishers()).doesNotContainKey("old-hand");

    gatherer.gather(pkg("newbie", Duration.ofHours(2)));
    assertThat(search.queries).as("answer reused within the TTL").hasSize(1);
    assertThat(changed).isEmpty();
  }

  @Test
  void aSlowSearchCostsAtMostTheTimeoutAndRedoesThePackageWhenItLands() throws Exception {
    gatherer = gatherer(TIMEOUT);
    search.answer = "{\"objects\": [], \"total\": 0}";
    search.gate = new CountDownLatch(1);
    long start = System.nanoTime();
    GatheredEvidence g = gatherer.gather(pkg("slowpoke", Duration.ofHours(1)));
    long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(g.complete()).isFalse();
    assertThat(tookMs).isLessThan(TIMEOUT.toMillis() + 2_000);
    assertThat(changed).isEmpty();

    search.gate.countDown();
    for (int i = 0; i < 100 && changed.isEmpty(); i++) {
      Thread.sleep(20);
    }
    assertThat(changed).containsExactly("pkg");
    assertThat(gatherer.gather(pkg("slowpoke", Duration.ofHours(1))).complete()).isTrue();
  }

  @Test
  void aFailedSearchIsIncompleteAndNotRetriedAtOnce() {
    search.status = 503;
    assertThat(gatherer.gather(pkg("someone", Duration.ofHours(1))).complete()).isFalse();
    assertThat(gatherer.gather(pkg("someone", Duration.ofHours(1))).complete()).isFalse();
    assertThat(search.queries).hasSize(1);
  }

  @Test
  void onlyASkipWorthRetryingLeavesTheEvidenceIncomplete() {
    PackageFacts old = pkg("whoever", Duration.ofDays(30)); // no search needed
    assertThat(gatherer(PATIENT, (u, n, v) -> Advisories.skipped("advisory service"
        + " unreachable: timed out")).gather(old).complete()).isFalse();
    assertThat(gatherer(PATIENT, (u, n, v) -> Advisories.skipped(
        Advisories.Skipped.Cause.NO_SERVICE, "upstream has no advisory service (HTTP 405)"))
        .gather(old).complete()).isTrue();
    assertThat(gatherer(PATIENT, AdvisoryCheck.OFF).gather(old).complete()).isTrue();
    // The reason's words no longer decide: a 4xx-looking text on an outage is still retried.
    assertThat(gatherer(PATIENT, (u, n, v) -> Advisories.skipped("advisory service"
        + " unreachable: HTTP 404 from a proxy in between")).gather(old).complete()).isFalse();
  }

  @Test
  void oldVersionsNeedNoEvidence() {
    gatherer.gather(pkg("whoever", Duration.ofDays(30)));
    assertThat(search.queries).isEmpty();
  }

  /** An upstream that only answers maintainer searches. */
  private static final class SearchUpstream implements Upstream {
    final List<String> queries = new CopyOnWriteArrayList<>();
    volatile String answer = "{\"objects\": [], \"total\": 0}";
    volatile int status = 200;
    volatile CountDownLatch gate = new CountDownLatch(0);
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public URI base() {
      return URI.create("http://127.0.0.1:9/");
    }

    @Override
    public PackumentResponse packument(PackageName name, String etag, String lastModified) {
      throw new UnsupportedOperationException();
    }

    @Override
    public TarballResponse tarball(String url) {
      throw new UnsupportedOperationException();
    }

    @Override
    public RelayResponse relay(String method, String pathAndQuery, Map<String, String> headers,
        byte[] body) throws UpstreamException {
      queries.add(pathAndQuery);
      calls.incrementAndGet();
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UpstreamException(UpstreamException.Kind.TIMEOUT, "interrupted");
      }
      return new RelayResponse(status, Map.of(), answer.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
    }
  }
}
