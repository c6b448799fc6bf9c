package dev.lazaret.proxy.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lazaret.proxy.it.MutableClock;
import dev.lazaret.proxy.it.RunningProxy;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.GeneratedVersion;
import dev.lazaret.proxy.testing.PackageGenerator;
import dev.lazaret.proxy.testing.Tarball;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upstream that accepts connections and never answers (issue 10, item 5): requests with a
 * cached copy are answered at once from it, cold ones fail fast once the circuit breaker is open,
 * and the breaker closes again when the upstream answers.
 */
class HostileUpstreamHangTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TTL = Duration.ofMinutes(5);
  /** Longer than any test here runs: the upstream never answers in time. */
  private static final Duration HUNG = Duration.ofMinutes(10);
  /** The bound for each stale request with the upstream hung; generous but real. */
  private static final Duration ANSWER_BOUND = Duration.ofSeconds(1);
  private static final String CACHE = "X-Lazaret-Cache";

  private final PackageGenerator gen = PackageGenerator.seeded(23);
  private final List<GeneratedPackage> packages = new ArrayList<>();

  @TempDir Path data;
  private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
  private FakeUpstream upstream;
  private RunningProxy proxy;

  @BeforeEach
  void start() {
    for (int i = 0; i < 10; i++) {
      packages.add(gen.pkg("hang-" + i).version("1.0.0").version("1.1.0").done());
    }
    upstream = FakeUpstream.start(clock);
    packages.forEach(upstream::publish);
  }

  @AfterEach
  void stop() {
    if (proxy != null) {
      proxy.close();
    }
    upstream.close();
  }

  @Test
  void tenStalePackumentRequestsEachAnswerWithinASecondWhileTheUpstreamHangs() {
    // The default response timeout (30 s): nothing here may wait for it.
    proxy = RunningProxy.start(upstream, data, clock, s -> s.withPackumentTtl(TTL));
    List<byte[]> fresh = new ArrayList<>();
    for (GeneratedPackage p : packages) {
      HttpResponse<byte[]> r = proxy.get("/" + p.name());
      assertThat(r.statusCode()).isEqualTo(200);
      fresh.add(r.body());
    }
    upstream.delay(HUNG);
    clock.advance(TTL.plusSeconds(1));

    // Each package past its TTL: every request is the one that finds it expired.
    for (int i = 0; i < packages.size(); i++) {
      String path = "/" + packages.get(i).name();
      HttpResponse<byte[]> stale = timed(() -> proxy.get(path));
      assertThat(stale.statusCode()).isEqualTo(200);
      assertThat(stale.headers().firstValue(CACHE)).contains("stale");
      assertThat(stale.headers().firstValue("Warning")).hasValueSatisfying(
          w -> assertThat(w).startsWith("110 "));
      assertThat(stale.body()).isEqualTo(fresh.get(i));
    }
    // And the same package again and again while its revalidation hangs.
    for (int i = 0; i < 10; i++) {
      HttpResponse<byte[]> again = timed(() -> proxy.get("/" + packages.get(0).name()));
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(again.body()).isEqualTo(fresh.get(0));
    }
    // At most one revalidation per package, however many requests (one may still be on its
    // way to the upstream: they run in the background).
    for (GeneratedPackage p : packages) {
      assertThat(upstream.requestCount("/" + p.name())).isLessThanOrEqualTo(2);
    }
  }

  @Test
  void cachedTarballsAreServedWithoutAskingTheHungUpstream() {
    proxy = RunningProxy.start(upstream, data, clock, s -> s.withPackumentTtl(TTL));
    GeneratedVersion v = packages.get(0).version("1.1.0");
    assertThat(proxy.get("/" + packages.get(0).name()).statusCode()).isEqualTo(200);
    assertThat(proxy.get(v.tarballPath()).statusCode()).isEqualTo(200);
    upstream.delay(HUNG);
    clock.advance(TTL.plusSeconds(1));

    for (int i = 0; i < 3; i++) {
      HttpResponse<byte[]> tarball = timed(() -> proxy.get(v.tarballPath()));
      assertThat(tarball.statusCode()).isEqualTo(200);
      assertThat(Tarball.integrityOf(tarball.body())).isEqualTo(v.tarball().integrity());
    }
    assertThat(upstream.requestCount(v.tarballPath())).isEqualTo(1);
  }

  @Test
  void onceATimeoutOpensTheBreakerColdRequestsFailFastAndAreNotSentUpstream() throws IOException {
    proxy = RunningProxy.start(upstream, data, clock, s -> s.withPackumentTtl(TTL)
        .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)));
    GeneratedPackage warm = packages.get(0);
    GeneratedPackage cold = packages.get(1);
    assertThat(proxy.get("/" + warm.name()).statusCode()).isEqualTo(200);
    upstream.delay(HUNG);
    clock.advance(TTL.plusSeconds(1));

    HttpResponse<byte[]> first = proxy.get("/" + cold.name());
    assertThat(first.statusCode()).isEqualTo(504);
    assertThat(breakerOpen()).isEqualTo(1);
    upstream.resetCounters();

    HttpResponse<byte[]> fast = timed(() -> proxy.get("/" + packages.get(2).name()));
    assertThat(fast.statusCode()).isEqualTo(504);
    assertThat(JSON.readTree(fast.body()).path("error").asText())
        .contains("not being asked for now");
    HttpResponse<byte[]> coldTarball =
        timed(() -> proxy.get(warm.version("1.0.0").tarballPath()));
    assertThat(coldTarball.statusCode()).isEqualTo(504);
    HttpResponse<byte[]> stale = timed(() -> proxy.get("/" + warm.name()));
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.headers().firstValue(CACHE)).contains("stale");
    assertThat(upstream.requests()).isEmpty();
  }

  @Test
  void theBreakerClosesWhenATrialAfterTheRetryTimeSucceeds() {
    proxy = RunningProxy.start(upstream, data, clock, s -> s.withPackumentTtl(TTL)
        .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)));
    upstream.delay(HUNG);
    assertThat(proxy.get("/" + packages.get(0).name()).statusCode()).isEqualTo(504);
    assertThat(breakerOpen()).isEqualTo(1);

    upstream.heal();
    assertThat(proxy.get("/" + packages.get(1).name()).statusCode()).isEqualTo(504);
    clock.advance(Duration.ofSeconds(5));
    HttpResponse<byte[]> trial = proxy.get("/" + packages.get(1).name());
    assertThat(trial.statusCode()).isEqualTo(200);
    assertThat(breakerOpen()).isZero();
    assertThat(proxy.get("/" + packages.get(2).name()).statusCode()).isEqualTo(200);
  }

  /** Runs one request and checks it answered within the bound. */
  private static HttpResponse<byte[]> timed(Supplier<HttpResponse<byte[]>> request) {
    long started = System.nanoTime();
    HttpResponse<byte[]> r = request.get();
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(took).as("answered in %s ms", took.toMillis()).isLessThan(ANSWER_BOUND);
    return r;
  }

  private int breakerOpen() {
    String metrics = new String(proxy.getAdmin("/metrics").body(), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("(?m)^lazaret_upstream_breaker_open\\{upstream=\"127\\.0\\.0\\.1:"
        + upstream.port() + "\"} ([0-9.]+)$").matcher(metrics);
    assertThat(m.find()).as("breaker gauge in %s", metrics).isTrue();
    return (int) Double.parseDouble(m.group(1));
  }
}
