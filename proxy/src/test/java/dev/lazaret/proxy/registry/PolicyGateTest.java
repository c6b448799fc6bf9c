package dev.lazaret.proxy.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.PackageFacts;
import dev.lazaret.policy.PackageVerdict;
import dev.lazaret.policy.Policy;
import dev.lazaret.policy.Verdict;
import dev.lazaret.policy.VersionFacts;
import dev.lazaret.proxy.it.MutableClock;
import dev.lazaret.proxy.npm.PackageName;
import dev.lazaret.proxy.npm.PackumentIndex;
import dev.lazaret.storage.CachedPackument;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Verdict caching in the policy gate: reuse, expiry, coalescing and invalidation races. */
class PolicyGateTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final Verdict HELD = new Verdict.Hold(NOW.plus(Duration.ofDays(1)),
      List.of("new version"));
  private static final Verdict APPROVED = new Verdict.Allow(List.of("approved by sam"));

  private final MutableClock clock = new MutableClock(NOW);
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final PackumentSnapshot snapshot = snapshot("pkg", "1.0.0");
  /** What the stub policy answers for every version; tests change it as decisions land. */
  private final AtomicReference<Verdict> answer = new AtomicReference<>(HELD);
  private final AtomicInteger judgements = new AtomicInteger();
  private final Policy policy = facts -> {
    judgements.incrementAndGet();
    return every(facts, answer.get(), Optional.empty());
  };

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void aWarmRequestReusesTheVerdictWithoutJudging() {
    PolicyGate gate = new PolicyGate(policy, clock, () -> 0L, Runnable::run);

    GatedPackument first = gate.gate(snapshot).join();
    GatedPackument second = gate.gate(snapshot).join();

    // The same verdict object: rendered views are keyed by its identity.
    assertThat(second.verdict()).isSameAs(first.verdict());
    assertThat(second.snapshot()).isSameAs(snapshot);
    assertThat(judgements).hasValue(1);
  }

  @Test
  void aPackageWithManyVersionsWeighsMoreInTheVerdictCache() {
    // Regression: the cache was bounded by package count, though each verdict grows with its
    // package's versions (up to 100,000), so 20,000 entries bounded nothing.
    PolicyGate gate = new PolicyGate(policy, clock, () -> 0L, Runnable::run);
    String[] many = new String[1000];
    for (int i = 0; i < many.length; i++) {
      many[i] = "1.0." + i;
    }

    gate.gate(snapshot("small", "1.0.0")).join();
    assertThat(gate.cachedVersions()).isEqualTo(1);
    gate.gate(snapshot("large", many)).join();

    assertThat(gate.cachedVersions()).isEqualTo(1 + many.length);
    assertThat(PolicyGate.MAX_CACHED_VERSIONS).isEqualTo(2_000_000);
  }

  @Test
  void aCachedVerdictDoesNotKeepTheDocumentOnTheHeap() {
    // Regression: the gate cached whole gated packuments, snapshot and all, so up to 20,000
    // upstream documents stayed on the heap outside every byte budget.
    PolicyGate gate = new PolicyGate(policy, clock, () -> 0L, Runnable::run);
    PackumentSnapshot doc = snapshot("big", "1.0.0");
    WeakReference<byte[]> json = new WeakReference<>(doc.cached().json());
    gate.gate(doc).join();
    long generation = doc.generation();
    PackumentIndex index = doc.index();
    doc = null;

    for (int i = 0; i < 50 && json.get() != null; i++) {
      System.gc();
    }

    assertThat(json.get()).as("the document after its snapshot was dropped").isNull();
    // And the verdict is still cached for the next snapshot of the same content.
    gate.gate(new PackumentSnapshot(new CachedPackument(new byte[] {'{', '}'}, null, null, NOW,
        "default"), index, generation, null, null)).join();
    assertThat(judgements).hasValue(1);
  }

  @Test
  void aDecisionLandingJustBeforeTheVerdictIsCachedIsNotOverwrittenByIt() {
    // The analyst's decision lands after judging read the old state and before the verdict is
    // written to the cache: the worst moment for a check-then-put.
    AtomicReference<PolicyGate> gateRef = new AtomicReference<>();
    AtomicInteger cachings = new AtomicInteger();
    PolicyGate gate = new PolicyGate(policy, clock, () -> 0L, Runnable::run, () -> {
      if (cachings.getAndIncrement() == 0) {
        answer.set(APPROVED);
        gateRef.get().invalidate("pkg");
      }
    });
    gateRef.set(gate);

    assertThat(gate.gate(snapshot).join().verdict().of("1.0.0")).isEqualTo(HELD);

    GatedPackument after = gate.gate(snapshot).join();
    assertThat(after.verdict().of("1.0.0")).isEqualTo(APPROVED);
    assertThat(after.visible().allowed()).contains("1.0.0");
    assertThat(judgements).hasValue(2);
  }

  @Test
  void aDecisionLandingWhileJudgingIsNotLostEither() throws Exception {
    CountDownLatch judging = new CountDownLatch(1);
    CountDownLatch decided = new CountDownLatch(1);
    Policy slow = facts -> {
      judgements.incrementAndGet();
      Verdict v = answer.get();
      judging.countDown();
      await(decided);
      return every(facts, v, Optional.empty());
    };
    PolicyGate gate = new PolicyGate(slow, clock, () -> 0L, threads);

    CompletableFuture<GatedPackument> first = gate.gate(snapshot);
    assertThat(judging.await(10, TimeUnit.SECONDS)).isTrue();
    answer.set(APPROVED);
    gate.invalidate("pkg");
    decided.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS).verdict().of("1.0.0")).isEqualTo(HELD);
    assertThat(gate.gate(snapshot).get(10, TimeUnit.SECONDS).verdict().of("1.0.0"))
        .isEqualTo(APPROVED);
  }

  @Test
  void concurrentRequestsShareOneJudgement() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Policy slow = facts -> {
      judgements.incrementAndGet();
      await(release);
      return every(facts, HELD, Optional.empty());
    };
    PolicyGate gate = new PolicyGate(slow, clock, () -> 0L, threads);

    CompletableFuture<GatedPackument> a = gate.gate(snapshot);
    CompletableFuture<GatedPackument> b = gate.gate(snapshot);
    release.countDown();

    assertThat(a.get(10, TimeUnit.SECONDS)).isSameAs(b.get(10, TimeUnit.SECONDS));
    assertThat(judgements).hasValue(1);
  }

  @Test
  void aVerdictIsJudgedAgainTheMomentItsHoldEnds() {
    Instant holdEnds = NOW.plus(Duration.ofHours(1));
    Policy holding = facts -> {
      judgements.incrementAndGet();
      return every(facts, HELD, Optional.of(holdEnds));
    };
    PolicyGate gate = new PolicyGate(holding, clock, () -> 0L, Runnable::run);

    gate.gate(snapshot).join();
    clock.set(holdEnds.minusMillis(1));
    gate.gate(snapshot).join();
    assertThat(judgements).hasValue(1);

    clock.set(holdEnds);
    gate.gate(snapshot).join();
    assertThat(judgements).hasValue(2);
  }

  @Test
  void aNewPolicyEpochOrDocumentGenerationIsJudgedAgain() {
    AtomicInteger epoch = new AtomicInteger();
    PolicyGate gate = new PolicyGate(policy, clock, epoch::get, Runnable::run);

    gate.gate(snapshot).join();
    epoch.incrementAndGet();
    gate.gate(snapshot).join();
    assertThat(judgements).hasValue(2);

    gate.gate(snapshot("pkg", "1.0.0")).join();
    assertThat(judgements).hasValue(3);
  }

  @Test
  void aRevalidatedSnapshotOfTheSameGenerationKeepsItsVerdict() {
    PolicyGate gate = new PolicyGate(policy, clock, () -> 0L, Runnable::run);

    gate.gate(snapshot).join();
    GatedPackument again = gate.gate(snapshot.revalidated(NOW.plusSeconds(60))).join();

    assertThat(again.snapshot().cached().fetchedAt()).isEqualTo(NOW.plusSeconds(60));
    assertThat(judgements).hasValue(1);
  }

  @Test
  void withoutTheStateWhatWasAllowedStaysServedAndNewVersionsAreUndetermined() {
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    Policy flaky = facts -> {
      judgements.incrementAndGet();
      if (failure.get() != null) {
        throw failure.get();
      }
      return every(facts, APPROVED, Optional.empty());
    };
    PolicyGate gate = new PolicyGate(flaky, clock, () -> 0L, Runnable::run);
    gate.gate(snapshot("pkg", "1.0.0")).join();

    failure.set(new dev.lazaret.policy.VerdictUnavailableException(
        "quarantine state is unavailable: connection refused", null));
    GatedPackument degraded = gate.gate(snapshot("pkg", "1.0.0", "1.1.0")).join();

    assertThat(degraded.visible().allowed()).containsExactly("1.0.0");
    assertThat(degraded.unavailable()).contains(
        "quarantine state is unavailable: connection refused");
    RegistryException refusal = degraded.refusal("pkg", "1.1.0", degraded.verdict().of("1.1.0"),
        clock.instant());
    assertThat(refusal).isInstanceOf(RegistryException.VerdictUnavailable.class);
    assertThat(refusal.status()).isEqualTo(503);
    assertThat(refusal.getMessage()).isEqualTo(
        "pkg@1.1.0: quarantine state is unavailable: connection refused");

    // Not asked again at once (requests must not each wait for a database that is down)...
    PackumentSnapshot same = snapshot("pkg", "1.0.0", "1.1.0");
    int before = judgements.get();
    gate.gate(same).join();
    gate.gate(same).join();
    assertThat(judgements.get() - before).isEqualTo(1);
    // ...but soon, and then the real verdict replaces the degraded one.
    failure.set(null);
    clock.advance(PolicyGate.UNAVAILABLE_RETRY);
    GatedPackument recovered = gate.gate(same).join();
    assertThat(recovered.unavailable()).isEmpty();
    assertThat(recovered.visible().allowed()).containsExactly("1.0.0", "1.1.0");
  }

  @Test
  void withoutTheStateAndNoEarlierVerdictNothingIsServed() {
    Policy down = facts -> {
      throw new dev.lazaret.policy.VerdictUnavailableException(
          "quarantine state is unavailable", null);
    };
    PolicyGate gate = new PolicyGate(down, clock, () -> 0L, Runnable::run);

    GatedPackument degraded = gate.gate(snapshot("cold", "1.0.0")).join();

    assertThat(degraded.visible().allowed()).isEmpty();
    assertThat(degraded.refusal("cold", clock.instant()).status()).isEqualTo(503);
  }

  private static final AtomicInteger GENERATIONS = new AtomicInteger(1_000_000);

  private static PackumentSnapshot snapshot(String name, String... versions) {
    StringBuilder json = new StringBuilder("{\"name\":\"" + name + "\",\"versions\":{");
    for (int i = 0; i < versions.length; i++) {
      String v = versions[i];
      json.append(i == 0 ? "" : ",").append('"').append(v).append("\":{\"name\":\"").append(name)
          .append("\",\"version\":\"").append(v).append("\",\"dist\":{\"tarball\":")
          .append("\"http://127.0.0.1:1/").append(name).append("/-/").append(name).append('-')
          .append(v).append(".tgz\",\"shasum\":\"0000000000000000000000000000000000000000\"}}");
    }
    json.append("},\"dist-tags\":{\"latest\":\"").append(versions[versions.length - 1])
        .append("\"}}");
    byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
    PackumentIndex index = PackumentIndex.parse(PackageName.parse(name), bytes,
        URI.create("http://127.0.0.1:1/"));
    return new PackumentSnapshot(new CachedPackument(bytes, "\"e\"", null, NOW, "default"), index,
        GENERATIONS.incrementAndGet(), null, null);
  }

  private static PackageVerdict every(PackageFacts facts, Verdict verdict,
      Optional<Instant> validUntil) {
    Map<String, Verdict> all = new LinkedHashMap<>();
    for (VersionFacts v : facts.versions()) {
      all.put(v.version(), verdict);
    }
    return new PackageVerdict(all, validUntil);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("latch not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
