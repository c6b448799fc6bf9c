package dev.lazaret.proxy.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lazaret.proxy.it.MutableClock;
import dev.lazaret.proxy.it.RunningProxy;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.PackageGenerator;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liveness and readiness on both listeners. Ready means: not shutting down, store open, and an
 * upstream answering or something cached to serve stale.
 */
class HealthAndReadinessTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TTL = Duration.ofMinutes(5);

  private final GeneratedPackage pad = PackageGenerator.seeded(4).pkg("left-pad")
      .version("1.0.0").done();
  private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
  @TempDir Path data;
  private FakeUpstream upstream;
  private RunningProxy proxy;

  @BeforeEach
  void start() {
    upstream = FakeUpstream.start(clock).publish(pad);
    proxy = RunningProxy.start(upstream, data, clock, s -> s.withPackumentTtl(TTL));
  }

  @AfterEach
  void stop() {
    proxy.close();
    upstream.close();
  }

  private static JsonNode json(HttpResponse<byte[]> r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void healthIsOkOnBothListeners() {
    for (Function<String, HttpResponse<byte[]>> get :
        java.util.List.<Function<String, HttpResponse<byte[]>>>of(proxy::get, proxy::getAdmin)) {
      HttpResponse<byte[]> r = get.apply("/-/health");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(json(r).get("status").asText()).isEqualTo("ok");
      assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
    }
    assertThat(upstream.requests()).isEmpty();
  }

  @Test
  void readyAtOnceBeforeAnyUpstreamCall() {
    HttpResponse<byte[]> r = proxy.get("/-/ready");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get("status").asText()).isEqualTo("ready");
    assertThat(json(r).get("upstream").asText()).isEqualTo("unknown");
    assertThat(proxy.getAdmin("/-/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void notReadyWhenTheUpstreamIsDownAndNothingIsCached() {
    upstream.stop();
    assertThat(proxy.get("/left-pad").statusCode()).isEqualTo(502);
    HttpResponse<byte[]> r = proxy.getAdmin("/-/ready");
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(json(r).get("status").asText()).isEqualTo("unavailable");
    assertThat(json(r).get("reason").asText())
        .startsWith("upstream unreachable (127.0.0.1:" + upstream.port())
        .endsWith("and nothing cached to serve");
    assertThat(proxy.get("/-/ready").statusCode()).isEqualTo(503);
    // Liveness is not readiness: the process still serves.
    assertThat(proxy.get("/-/health").statusCode()).isEqualTo(200);

    upstream.restart();
    assertThat(proxy.get("/left-pad").statusCode()).isEqualTo(200);
    HttpResponse<byte[]> back = proxy.getAdmin("/-/ready");
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(json(back).get("upstream").asText()).isEqualTo("reachable");
  }

  @Test
  void readyWhileTheUpstreamIsDownIfStaleCopiesCanBeServed() {
    assertThat(proxy.get("/left-pad").statusCode()).isEqualTo(200);
    upstream.stop();
    clock.advance(TTL.plusSeconds(1));
    HttpResponse<byte[]> stale = proxy.get("/left-pad");
    assertThat(stale.headers().firstValue("X-Lazaret-Cache")).contains("stale");
    HttpResponse<byte[]> r = proxy.getAdmin("/-/ready");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get("upstream").asText()).isEqualTo("unreachable");
  }

  @Test
  void notReadyOnceShutdownBegins() throws Exception {
    assertThat(proxy.get("/left-pad").statusCode()).isEqualTo(200);
    upstream.delay(Duration.ofMillis(1500));
    CompletableFuture<HttpResponse<byte[]>> inFlight = proxy.http().sendAsync(
        proxy.request("/left-pad/-/left-pad-1.0.0.tgz").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (upstream.requestCount("/left-pad/-/left-pad-1.0.0.tgz") == 0
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    String admin = proxy.adminUrl().toString();
    CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> proxy.lazaret().close());
    // The admin listener stays up while the registry port drains, and says why it is not ready.
    HttpResponse<byte[]> r = null;
    while (System.nanoTime() < deadline && !closing.isDone()) {
      r = proxy.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(admin + "-/ready"))
          .GET().build());
      if (r.statusCode() == 503) {
        break;
      }
    }
    assertThat(r).isNotNull();
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(json(r).get("reason").asText()).isEqualTo("shutting down");
    assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    closing.get(10, TimeUnit.SECONDS);
  }
}
