package dev.lazaret.proxy.ops;

import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import java.net.URI;
import java.util.Locale;

/** Upstream call latency and errors, shared by every {@link MeteredUpstream}. */
public final class UpstreamMetrics {

  /** What was asked of the upstream, as the {@code operation} label. */
  enum Operation {
    PACKUMENT, TARBALL, RELAY, PING;

    final String label = name().toLowerCase(Locale.ROOT);
  }

  private static final double[] LATENCY_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
      2.5, 5, 10, 30, 60};

  private final Histogram latency;
  private final Counter errors;
  private final Counter refusedOrigins;

  /** Registers the upstream metrics in {@code metrics}. */
  public UpstreamMetrics(Metrics metrics) {
    latency = Histogram.builder().name("lazaret_upstream_request_duration_seconds")
        .help("Upstream calls, until the response head (tarball bodies stream on), by upstream "
            + "and operation; failed calls included")
        .labelNames("upstream", "operation").classicOnly().classicUpperBounds(LATENCY_BUCKETS)
        .withoutExemplars().register(metrics.registry());
    errors = Counter.builder().name("lazaret_upstream_errors_total")
        .help("Upstream calls that failed, by upstream, operation and kind "
            + "(timeout, unreachable, bad_status, bad_body)")
        .labelNames("upstream", "operation", "kind").register(metrics.registry());
    refusedOrigins = Counter.builder().name("lazaret_upstream_refused_origins_total")
        .help("Requests Lazaret refused to send because they pointed outside the upstream's "
            + "allowed origins (a dist.tarball or a redirect elsewhere, or too many redirects)")
        .labelNames("upstream").register(metrics.registry());
  }

  /** The latency data points of one upstream, one per operation. */
  DistributionDataPoint[] latencyOf(String upstream) {
    Operation[] ops = Operation.values();
    DistributionDataPoint[] points = new DistributionDataPoint[ops.length];
    for (Operation op : ops) {
      points[op.ordinal()] = latency.labelValues(upstream, op.label);
    }
    return points;
  }

  /** Counts a failed call; failures are rare, so the label lookup is fine here. */
  void error(String upstream, Operation op, String kind) {
    errors.labelValues(upstream, op.label, kind).inc();
  }

  /** Counts a request refused because of its origin. */
  void refusedOrigin(String upstream) {
    refusedOrigins.labelValues(upstream).inc();
  }

  /**
   * The {@code upstream} label for a base URL: host and port only. Never the whole URL: one
   * with credentials in it ({@code https://user:token@host/}) must not end up in metrics.
   */
  public static String label(URI base) {
    String host = base.getHost() == null ? "unknown" : base.getHost();
    return base.getPort() < 0 ? host : host + ":" + base.getPort();
  }
}
