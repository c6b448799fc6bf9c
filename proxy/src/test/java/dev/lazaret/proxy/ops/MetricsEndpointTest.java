package dev.lazaret.proxy.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.proxy.config.Operations;
import dev.lazaret.proxy.it.RunningProxy;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.PackageGenerator;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counters move with real requests through a real Lazaret, and {@code /metrics} shows them. */
class MetricsEndpointTest {

  private final GeneratedPackage pad = PackageGenerator.seeded(3).pkg("left-pad")
      .version("1.0.0").version("1.1.0").done();
  @TempDir Path data;
  private FakeUpstream upstream;
  private RunningProxy proxy;

  private void start(boolean metricsOnRegistryPort) {
    upstream = FakeUpstream.start().publish(pad);
    proxy = RunningProxy.start(upstream, data, Clock.systemUTC(), s -> s.withOperations(
        new Operations(new InetSocketAddress("127.0.0.1", 0), 0,
            Operations.AccessLogFormat.TEXT, metricsOnRegistryPort)));
  }

  @AfterEach
  void stop() {
    proxy.close();
    upstream.close();
  }

  /**
   * Scrapes the admin listener until {@code ready} holds: a request is counted once its last
   * write completed, which may be just after the client has read the response.
   */
  static MetricsText awaitMetrics(RunningProxy proxy, Predicate<MetricsText> ready) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      HttpResponse<byte[]> r = proxy.getAdmin("/metrics");
      assertThat(r.statusCode()).isEqualTo(200);
      MetricsText m = new MetricsText(r.body());
      if (ready.test(m) || System.nanoTime() > deadline) {
        return m;
      }
      Thread.onSpinWait();
    }
  }

  private static double answered(MetricsText m, String route) {
    return m.value("lazaret_http_requests_total", "route", route, "status", "200");
  }

  @Test
  void requestsAreCountedByRouteStatusAndCacheResult() {
    start(false);
    byte[] tarball = pad.version("1.0.0").tarball().bytes();
    assertThat(proxy.get("/left-pad").statusCode()).isEqualTo(200);
    assertThat(proxy.get("/left-pad").statusCode()).isEqualTo(200);
    assertThat(proxy.send(proxy.request("/left-pad")
        .header("Accept", "application/vnd.npm.install-v1+json").GET().build()).statusCode())
        .isEqualTo(200);
    assertThat(proxy.get("/left-pad/-/left-pad-1.0.0.tgz").body()).isEqualTo(tarball);
    assertThat(proxy.get("/left-pad/1.1.0").statusCode()).isEqualTo(200);
    assertThat(proxy.get("/-/package/left-pad/dist-tags").statusCode()).isEqualTo(200);
    assertThat(proxy.get("/-/ping").statusCode()).isEqualTo(200);
    assertThat(proxy.get("/no-such-package").statusCode()).isEqualTo(404);

    MetricsText m = awaitMetrics(proxy, t -> t.value("lazaret_http_requests_total",
        "route", "packument", "status", "404") == 1);
    assertThat(answered(m, "packument")).isEqualTo(2);
    assertThat(answered(m, "packument_abbreviated")).isEqualTo(1);
    assertThat(answered(m, "tarball")).isEqualTo(1);
    assertThat(answered(m, "version")).isEqualTo(1);
    assertThat(answered(m, "dist_tags")).isEqualTo(1);
    assertThat(answered(m, "ping")).isEqualTo(1);
    assertThat(m.value("lazaret_cache_results_total", "route", "packument", "cache", "miss"))
        .isEqualTo(1);
    assertThat(m.value("lazaret_cache_results_total", "route", "packument", "cache", "hit"))
        .isEqualTo(1);
    assertThat(m.value("lazaret_http_response_bytes_total", "route", "tarball"))
        .isEqualTo(tarball.length);
    assertThat(m.value("lazaret_http_request_duration_seconds_count", "route", "packument"))
        .isEqualTo(3);
    assertThat(m.value("lazaret_upstream_request_duration_seconds_count",
        "upstream", "127.0.0.1:" + upstream.port(), "operation", "packument")).isEqualTo(2);
    assertThat(m.value("lazaret_upstream_request_duration_seconds_count",
        "operation", "tarball")).isEqualTo(1);
    assertThat(m.value("lazaret_store_tarball_bytes")).isEqualTo(tarball.length);
    assertThat(m.value("lazaret_store_size_bytes")).isPositive();
    assertThat(m.value("lazaret_ready")).isEqualTo(1);
    assertThat(m.has("jvm_threads_current")).isTrue();
  }

  @Test
  void upstreamErrorsAreCountedByKind() {
    start(false);
    upstream.fail(500);
    assertThat(proxy.get("/left-pad").statusCode()).isEqualTo(502);
    MetricsText m = awaitMetrics(proxy,
        t -> t.value("lazaret_http_requests_total", "route", "packument", "status", "502") == 1);
    assertThat(m.value("lazaret_upstream_errors_total", "operation", "packument",
        "kind", "bad_status")).isPositive();
  }

  @Test
  void theRegistryPortServesMetricsOnlyWhenAsked() {
    start(false);
    assertThat(proxy.get("/metrics").statusCode()).isEqualTo(404); // a package named "metrics"
    proxy.close();
    upstream.close();
    start(true);
    HttpResponse<byte[]> r = proxy.get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
        ct -> assertThat(ct).startsWith("text/plain"));
    assertThat(new MetricsText(r.body()).has("lazaret_ready")).isTrue();
    assertThat(upstream.requestCount("/metrics")).isZero();
  }
}
