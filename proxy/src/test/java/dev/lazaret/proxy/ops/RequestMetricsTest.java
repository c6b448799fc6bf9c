package dev.lazaret.proxy.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestMetricsTest {

  private final Metrics metrics = new Metrics();
  private final RequestMetrics requests = new RequestMetrics(metrics);

  private static CompletedRequest done(RequestRoute route, int status, String cache, long bytes,
      boolean complete) {
    return new CompletedRequest("127.0.0.1", "GET", "/x", "HTTP/1.1", route, status, bytes,
        2_000_000, cache, "id", complete);
  }

  @Test
  void countsByRouteStatusAndCacheResult() {
    requests.record(done(RequestRoute.PACKUMENT, 200, "hit", 100, true));
    requests.record(done(RequestRoute.PACKUMENT, 200, "hit", 100, true));
    requests.record(done(RequestRoute.PACKUMENT, 304, "revalidated", 0, true));
    requests.record(done(RequestRoute.TARBALL, 200, null, 5000, false));
    requests.record(done(RequestRoute.OTHER, 999, null, 0, true));
    MetricsText m = new MetricsText(metrics.scrape());
    assertThat(m.value("lazaret_http_requests_total", "route", "packument", "status", "200"))
        .isEqualTo(2);
    assertThat(m.value("lazaret_http_requests_total", "route", "packument", "status", "304"))
        .isEqualTo(1);
    assertThat(m.value("lazaret_http_requests_total", "route", "other", "status", "999"))
        .isEqualTo(1);
    assertThat(m.value("lazaret_cache_results_total", "route", "packument", "cache", "hit"))
        .isEqualTo(2);
    assertThat(m.value("lazaret_cache_results_total", "route", "packument", "cache", "revalidated"))
        .isEqualTo(1);
    assertThat(m.value("lazaret_http_response_bytes_total", "route", "tarball")).isEqualTo(5000);
    assertThat(m.value("lazaret_http_responses_aborted_total", "route", "tarball")).isEqualTo(1);
    assertThat(m.value("lazaret_http_request_duration_seconds_count", "route", "packument"))
        .isEqualTo(3);
    assertThat(m.value("lazaret_http_request_duration_seconds_bucket", "route", "packument",
        "le", "0.0025")).isEqualTo(3);
    assertThat(m.value("lazaret_http_request_duration_seconds_bucket", "route", "packument",
        "le", "0.001")).isZero();
  }

  @Test
  void unknownCacheValuesAreNotCounted() {
    assertThat(RequestMetrics.cacheIndex("bogus")).isEqualTo(-1);
    assertThat(RequestMetrics.cacheIndex(null)).isEqualTo(-1);
    assertThat(RequestMetrics.cacheIndex("stale")).isEqualTo(3);
  }

  @Test
  void jvmMetricsAndCustomGaugesAreScraped() {
    metrics.gauge("lazaret_holds", "Holds by state", "state",
        () -> Map.of("held", 3, "approved", 10));
    metrics.gauge("lazaret_broken", "Fails", () -> {
      throw new IllegalStateException("store closed");
    });
    MetricsText m = new MetricsText(metrics.scrape());
    assertThat(m.value("lazaret_holds", "state", "held")).isEqualTo(3);
    assertThat(m.value("lazaret_holds", "state", "approved")).isEqualTo(10);
    assertThat(m.has("lazaret_broken")).isFalse();
    assertThat(m.has("jvm_memory_used_bytes")).isTrue();
    assertThat(m.has("process_cpu_seconds_total")).isTrue();
    assertThat(metrics.contentType()).startsWith("text/plain; version=0.0.4");
  }
}
