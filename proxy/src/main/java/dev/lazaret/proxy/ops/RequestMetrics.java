package dev.lazaret.proxy.ops;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Request counters and latency histograms by route, status and cache result. Data points are
 * resolved once and kept in arrays, so recording a request costs a few array reads and atomic
 * adds, with no label lookup or allocation.
 */
public final class RequestMetrics {

  /** Latency buckets in seconds: sub-millisecond warm hits up to slow cold tarballs. */
  static final double[] LATENCY_BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
      0.25, 0.5, 1, 2.5, 5, 10, 30};
  /** The {@code cache} label values, in {@code X-Lazaret-Cache} spelling. */
  static final String[] CACHE_RESULTS = {"hit", "miss", "revalidated", "stale"};
  private static final int STATUS_MIN = 100;
  private static final int STATUS_SLOTS = 500;
  private static final RequestRoute[] ROUTES = RequestRoute.values();

  private final Counter requests;
  private final Counter cacheResults;
  private final AtomicReferenceArray<CounterDataPoint> requestPoints =
      new AtomicReferenceArray<>(ROUTES.length * STATUS_SLOTS);
  private final AtomicReferenceArray<CounterDataPoint> cachePoints =
      new AtomicReferenceArray<>(ROUTES.length * CACHE_RESULTS.length);
  private final DistributionDataPoint[] latency = new DistributionDataPoint[ROUTES.length];
  private final CounterDataPoint[] bytes = new CounterDataPoint[ROUTES.length];
  private final CounterDataPoint[] aborted = new CounterDataPoint[ROUTES.length];

  /** Registers the request metrics in {@code metrics}. */
  public RequestMetrics(Metrics metrics) {
    requests = Counter.builder().name("lazaret_http_requests_total")
        .help("Requests answered, by route and status").labelNames("route", "status")
        .register(metrics.registry());
    cacheResults = Counter.builder().name("lazaret_cache_results_total")
        .help("Responses by how their content was obtained (X-Lazaret-Cache)")
        .labelNames("route", "cache").register(metrics.registry());
    Histogram duration = Histogram.builder().name("lazaret_http_request_duration_seconds")
        .help("From the request head read to the last response byte written, by route")
        .labelNames("route").classicOnly().classicUpperBounds(LATENCY_BUCKETS)
        .withoutExemplars().register(metrics.registry());
    Counter sent = Counter.builder().name("lazaret_http_response_bytes_total")
        .help("Response body bytes written to clients, by route").labelNames("route")
        .register(metrics.registry());
    Counter cut = Counter.builder().name("lazaret_http_responses_aborted_total")
        .help("Responses cut off before their end (client gone, download failed), by route")
        .labelNames("route").register(metrics.registry());
    for (RequestRoute route : ROUTES) {
      latency[route.ordinal()] = duration.labelValues(route.label());
      bytes[route.ordinal()] = sent.labelValues(route.label());
      aborted[route.ordinal()] = cut.labelValues(route.label());
    }
  }

  /** Counts one finished request. */
  public void record(CompletedRequest r) {
    int route = r.route().ordinal();
    requestsFor(r.route(), r.status()).inc();
    latency[route].observe(r.durationNanos() / 1e9);
    if (r.bytes() > 0) {
      bytes[route].inc(r.bytes());
    }
    if (!r.complete()) {
      aborted[route].inc();
    }
    int cache = cacheIndex(r.cache());
    if (cache >= 0) {
      cacheFor(r.route(), cache).inc();
    }
  }

  private CounterDataPoint requestsFor(RequestRoute route, int status) {
    if (status < STATUS_MIN || status >= STATUS_MIN + STATUS_SLOTS) {
      return requests.labelValues(route.label(), Integer.toString(status));
    }
    int slot = route.ordinal() * STATUS_SLOTS + status - STATUS_MIN;
    CounterDataPoint point = requestPoints.get(slot);
    if (point == null) {
      // Racing threads resolve the same data point: the registry returns one per label set.
      point = requests.labelValues(route.label(), Integer.toString(status));
      requestPoints.set(slot, point);
    }
    return point;
  }

  private CounterDataPoint cacheFor(RequestRoute route, int cache) {
    int slot = route.ordinal() * CACHE_RESULTS.length + cache;
    CounterDataPoint point = cachePoints.get(slot);
    if (point == null) {
      point = cacheResults.labelValues(route.label(), CACHE_RESULTS[cache]);
      cachePoints.set(slot, point);
    }
    return point;
  }

  /** The index of a known cache result, or -1 (none sent, or a value we do not count). */
  static int cacheIndex(String cache) {
    if (cache == null) {
      return -1;
    }
    for (int i = 0; i < CACHE_RESULTS.length; i++) {
      if (CACHE_RESULTS[i].equals(cache)) {
        return i;
      }
    }
    return -1;
  }
}
