package dev.lazaret.proxy.ops;

import dev.lazaret.proxy.npm.PackageName;
import dev.lazaret.proxy.ops.UpstreamMetrics.Operation;
import dev.lazaret.proxy.upstream.PackumentResponse;
import dev.lazaret.proxy.upstream.RefusedOriginException;
import dev.lazaret.proxy.upstream.RelayResponse;
import dev.lazaret.proxy.upstream.TarballResponse;
import dev.lazaret.proxy.upstream.Upstream;
import dev.lazaret.proxy.upstream.UpstreamException;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * An {@link Upstream} that times every call, counts failures by kind, and tells its
 * {@link UpstreamHealth} what each call showed. Wrap each upstream in one.
 */
public final class MeteredUpstream implements Upstream {

  private final Upstream delegate;
  private final UpstreamMetrics metrics;
  private final UpstreamHealth health;
  private final String label;
  private final DistributionDataPoint[] latency;

  /** Meters {@code delegate} into {@code metrics} and {@code health}. */
  public MeteredUpstream(Upstream delegate, UpstreamMetrics metrics, UpstreamHealth health) {
    this.delegate = delegate;
    this.metrics = metrics;
    this.health = health;
    this.label = UpstreamMetrics.label(delegate.base());
    this.latency = metrics.latencyOf(label);
  }

  /** Blocking call to the upstream, as each operation makes it. */
  @FunctionalInterface
  private interface Call<T> {
    T call() throws UpstreamException;
  }

  @Override
  public URI base() {
    return delegate.base();
  }

  @Override
  public PackumentResponse packument(PackageName name, String etag, String lastModified)
      throws UpstreamException {
    return timed(Operation.PACKUMENT, () -> delegate.packument(name, etag, lastModified));
  }

  @Override
  public TarballResponse tarball(String url) throws UpstreamException {
    return timed(Operation.TARBALL, () -> delegate.tarball(url));
  }

  @Override
  public RelayResponse relay(String method, String pathAndQuery, Map<String, String> headers,
      byte[] body) throws UpstreamException {
    return relayed(Operation.RELAY, () -> delegate.relay(method, pathAndQuery, headers, body));
  }

  /** Asks the upstream's {@code /-/ping}, only to learn whether it answers. */
  public void ping() {
    try {
      relayed(Operation.PING, () -> delegate.relay("GET", "-/ping", Map.of(), null));
    } catch (UpstreamException e) {
      // Already counted and noted in the health.
    }
  }

  /** The health this upstream reports into. */
  public UpstreamHealth health() {
    return health;
  }

  @Override
  public void close() {
    delegate.close();
  }

  /** A relayed answer with a 5xx status is the upstream failing, though it did answer. */
  private RelayResponse relayed(Operation op, Call<RelayResponse> call) throws UpstreamException {
    RelayResponse answer = timed(op, call);
    if (answer.status() >= 500) {
      metrics.error(label, op, "bad_status");
      health.failed(op.label + " answered " + answer.status());
    }
    return answer;
  }

  private <T> T timed(Operation op, Call<T> call) throws UpstreamException {
    long start = System.nanoTime();
    try {
      T result = call.call();
      health.answered();
      return result;
    } catch (UpstreamException e) {
      metrics.error(label, op, e.kind().name().toLowerCase(Locale.ROOT));
      if (e instanceof RefusedOriginException) {
        metrics.refusedOrigin(label);
      }
      if (isOutage(e)) {
        health.failed(e.getMessage());
      } else {
        health.answered();
      }
      throw e;
    } finally {
      latency[op.ordinal()].observe((System.nanoTime() - start) / 1e9);
    }
  }

  /** Timeouts, refused connections and server errors; a 404 or a bad body is still an answer. */
  static boolean isOutage(UpstreamException e) {
    return switch (e.kind()) {
      case TIMEOUT, UNREACHABLE -> true;
      case BAD_STATUS -> e.status() >= 500 || e.status() == 429;
      case BAD_BODY -> false;
    };
  }
}
