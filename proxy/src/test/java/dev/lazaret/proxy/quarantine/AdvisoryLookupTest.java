package dev.lazaret.proxy.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.Advisories;
import dev.lazaret.proxy.it.MutableClock;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.upstream.AdvisoryClient;
import dev.lazaret.proxy.upstream.AdvisorySource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdvisoryLookupTest {

  private static final String BULK = "/-/npm/v1/security/advisories/bulk";
  private static final Duration TTL = Duration.ofHours(1);
  private static final Duration FAILURE_TTL = Duration.ofSeconds(30);
  /** Generous: a loaded CI machine can take seconds over a cold JVM's first request. */
  private static final Duration PATIENT = Duration.ofSeconds(20);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final List<String> changed = new CopyOnWriteArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();
  private FakeUpstream fake;
  private AdvisoryClient client;
  private AdvisoryLookup lookup;

  @BeforeEach
  void start() {
    fake = FakeUpstream.start();
    client = new AdvisoryClient(fake.url(), Duration.ofSeconds(2), Duration.ofSeconds(10),
        "lazaret-test");
    lookup = lookup(PATIENT);
  }

  @AfterEach
  void stop() {
    lookup.close();
    client.close();
    fake.close();
  }

  /** A lookup over the fake that counts calls, also those a stopped fake cannot count. */
  private AdvisoryLookup lookup(Duration lookupTimeout) {
    AdvisorySource counting = (name, versions) -> {
      calls.incrementAndGet();
      return client.advisories(name, versions);
    };
    AdvisoryLookup created = new AdvisoryLookup(counting, TTL, FAILURE_TTL, lookupTimeout, clock);
    created.onChange(changed::add);
    return created;
  }

  @Test
  void listsVersionsUnderMalwareAdvisoriesOnly() {
    int malware = fake.advisory("evil", ">=1.0.1", "critical", "Malware in evil");
    fake.advisory("evil", "<1.0.0", "high", "Prototype Pollution in evil");

    Advisories found = lookup.lookup("evil", List.of("0.9.0", "1.0.0", "1.0.1", "1.1.0-beta.1"));

    // npm matches advisory ranges with prereleases included: 1.1.0-beta.1 is >=1.0.1.
    String id = String.valueOf(malware);
    assertThat(found).isEqualTo(Advisories.checked(Map.of("1.0.1", List.of(id),
        "1.1.0-beta.1", List.of(id))));
  }

  @Test
  void aPackageWithoutMalwareIsClean() {
    fake.advisory("lodash", "<4.17.21", "high", "Command Injection in lodash");

    assertThat(lookup.lookup("lodash", List.of("4.17.20"))).isEqualTo(Advisories.clean());
  }

  @Test
  void anAnswerIsReusedWithinTheTtl() {
    fake.advisory("evil", "=2.0.0", "critical", "Malware in evil");

    lookup.lookup("evil", List.of("1.0.0", "2.0.0"));
    clock.advance(TTL.minusSeconds(1));
    Advisories again = lookup.lookup("evil", List.of("1.0.0", "2.0.0"));

    assertThat(again.malwareFor("2.0.0")).hasSize(1);
    assertThat(fake.requestCount(BULK)).isEqualTo(1);
  }

  @Test
  void aNewVersionIsMatchedAgainstTheCachedRangesAtOnce() {
    int id = fake.advisory("evil", ">=1.0.1", "critical", "Malware in evil");
    assertThat(lookup.lookup("evil", List.of("1.0.0"))).isEqualTo(Advisories.clean());
    fake.stop(); // no second answer: what follows comes from the cached ranges

    Advisories withNewVersion = lookup.lookup("evil", List.of("1.0.0", "1.0.1"));

    assertThat(withNewVersion.malwareFor("1.0.1")).containsExactly(String.valueOf(id));
    assertThat(withNewVersion.malwareFor("1.0.0")).isEmpty();
  }

  @Test
  void afterTheTtlTheOldAnswerIsServedWhileARefreshRunsInTheBackground() {
    assertThat(lookup.lookup("evil", List.of("1.0.0"))).isEqualTo(Advisories.clean());
    int id = fake.advisory("evil", ">=0", "critical", "Malware in evil");
    fake.delay(Duration.ofSeconds(2));
    clock.advance(TTL);

    long start = System.nanoTime();
    Advisories stale = lookup.lookup("evil", List.of("1.0.0"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(stale).isEqualTo(Advisories.clean());

    await(() -> changed.contains("evil"));
    assertThat(lookup.lookup("evil", List.of("1.0.0")).malwareFor("1.0.0"))
        .containsExactly(String.valueOf(id));
    assertThat(fake.requestCount(BULK)).isEqualTo(2);
    assertThat(changed).containsExactly("evil");
  }

  @Test
  void aSlowServiceIsSkippedAfterTheLookupTimeoutAndItsLateAnswerIsUsed() {
    lookup.close();
    lookup = lookup(Duration.ofSeconds(1));
    int id = fake.advisory("evil", ">=0", "critical", "Malware in evil");
    fake.delay(Duration.ofSeconds(3));

    long start = System.nanoTime();
    Advisories first = lookup.lookup("evil", List.of("1.0.0"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    assertThat(first).isEqualTo(
        Advisories.skipped("advisory service unreachable: no answer within 1000 ms"));

    // The next lookup does not wait again (for up to a second), nor send a second request.
    start = System.nanoTime();
    assertThat(lookup.lookup("evil", List.of("1.0.0"))).isInstanceOf(Advisories.Skipped.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));

    await(() -> changed.contains("evil"));
    assertThat(lookup.lookup("evil", List.of("1.0.0")).malwareFor("1.0.0"))
        .containsExactly(String.valueOf(id));
    assertThat(calls).hasValue(1);
  }

  @Test
  void anUnreachableServiceIsSkippedAndRetriedAfterTheFailureTtl() {
    fake.stop();

    Advisories first = lookup.lookup("evil", List.of("1.0.0"));
    assertThat(first).isEqualTo(Advisories.skipped("advisory service unreachable: cannot connect"));
    clock.advance(FAILURE_TTL.minusSeconds(1));
    assertThat(lookup.lookup("evil", List.of("1.0.0"))).isInstanceOf(Advisories.Skipped.class);
    assertThat(calls).hasValue(1);

    fake.restart();
    int id = fake.advisory("evil", ">=0", "critical", "Malware in evil");
    clock.advance(Duration.ofSeconds(1));
    assertThat(lookup.lookup("evil", List.of("1.0.0"))).isInstanceOf(Advisories.Skipped.class);
    await(() -> changed.contains("evil"));
    assertThat(lookup.lookup("evil", List.of("1.0.0")).malwareFor("1.0.0"))
        .containsExactly(String.valueOf(id));
    assertThat(calls).hasValue(2);
  }

  @Test
  void aClientErrorStatusMeansTheUpstreamHasNoAdvisoryService() {
    fake.fail(404);

    assertThat(lookup.lookup("evil", List.of("1.0.0"))).isEqualTo(Advisories.skipped(
        Advisories.Skipped.Cause.NO_SERVICE, "upstream has no advisory service (HTTP 404)"));
  }

  @Test
  void aServerErrorOrTooManyRequestsIsWorthRetrying() {
    fake.fail(503);
    assertThat(lookup.lookup("evil", List.of("1.0.0")))
        .isEqualTo(Advisories.skipped("advisory service unreachable: HTTP 503"));
    fake.heal();
    fake.fail(429);
    assertThat(lookup.lookup("other", List.of("1.0.0")))
        .isEqualTo(Advisories.skipped("advisory service unreachable: HTTP 429"));
  }

  @Test
  void anUpstreamWithoutAdvisoryServiceIsReportedOnceAndEachSkippedLookupCounted() {
    ch.qos.logback.classic.Logger quarantineLogs = (ch.qos.logback.classic.Logger)
        org.slf4j.LoggerFactory.getLogger("dev.lazaret.proxy.quarantine");
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
        new ch.qos.logback.core.read.ListAppender<>();
    logged.start();
    quarantineLogs.addAppender(logged);
    try {
      fake.fail(404);
      for (int i = 0; i < 40; i++) {
        assertThat(lookup.lookup("pkg-" + i, List.of("1.0.0")))
            .isInstanceOf(Advisories.Skipped.class);
      }
      // Before: one WARN per package ("advisory lookup for pkg-7 failed: ..."), 40 lines.
      assertThat(logged.list).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
          .isEqualTo("upstream 'default' has no advisory service (HTTP 404); its packages are"
              + " not checked for malware advisories until it has one (failed lookups are"
              + " counted in lazaret_advisory_lookup_failures_total)"));
      assertThat(lookup.failures()).isEqualTo(Map.of("no-service", 40L));

      fake.heal();
      assertThat(lookup.lookup("pkg-new", List.of("1.0.0"))).isEqualTo(Advisories.clean());
      assertThat(lookup.lookup("pkg-newer", List.of("1.0.0"))).isEqualTo(Advisories.clean());
      assertThat(logged.list).hasSize(2);
      assertThat(logged.list.get(1).getFormattedMessage()).isEqualTo("the advisory service of"
          + " upstream 'default' answers again; malware advisories are checked again");
    } finally {
      quarantineLogs.detachAppender(logged);
    }
  }

  @Test
  void aFailedRefreshKeepsTheMalwareFoundBefore() {
    int id = fake.advisory("evil", ">=0", "critical", "Malware in evil");
    assertThat(lookup.lookup("evil", List.of("1.0.0")).malwareFor("1.0.0")).hasSize(1);
    fake.fail(503);
    clock.advance(TTL);

    lookup.lookup("evil", List.of("1.0.0"));
    await(() -> calls.get() == 2 && !lookup.isRefreshing("evil"));

    assertThat(lookup.lookup("evil", List.of("1.0.0")).malwareFor("1.0.0"))
        .containsExactly(String.valueOf(id));
    assertThat(changed).isEmpty();
    // Retried after the failure TTL, not after another full TTL.
    clock.advance(FAILURE_TTL);
    lookup.lookup("evil", List.of("1.0.0"));
    await(() -> calls.get() == 3);
  }

  @Test
  void concurrentFirstLookupsShareOneRequest() throws Exception {
    int id = fake.advisory("evil", ">=0", "critical", "Malware in evil");
    fake.delay(Duration.ofMillis(300));
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<Advisories>> answers = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 20; i++) {
        answers.add(CompletableFuture.supplyAsync(() -> {
          awaitQuietly(go);
          return lookup.lookup("evil", List.of("1.0.0"));
        }, threads));
      }
      go.countDown();
      for (CompletableFuture<Advisories> answer : answers) {
        assertThat(answer.get().malwareFor("1.0.0")).containsExactly(String.valueOf(id));
      }
    }
    assertThat(fake.requestCount(BULK)).isEqualTo(1);
  }

  @Test
  void anUnreadableRangeOfAMalwareAdvisoryListsEveryVersion() {
    int id = fake.advisory("evil", "not a range", "critical", "Malware in evil");

    Advisories found = lookup.lookup("evil", List.of("1.0.0", "2.0.0-rc.1"));

    assertThat(found.malwareFor("1.0.0")).containsExactly(String.valueOf(id));
    assertThat(found.malwareFor("2.0.0-rc.1")).containsExactly(String.valueOf(id));
  }

  @Test
  void theDisabledLookupSaysSo() {
    assertThat(AdvisoryLookup.disabled().lookup("evil", List.of("1.0.0")))
        .isEqualTo(Advisories.skipped(Advisories.Skipped.Cause.SWITCHED_OFF,
            "advisory lookup is switched off"));
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + PATIENT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + PATIENT);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
