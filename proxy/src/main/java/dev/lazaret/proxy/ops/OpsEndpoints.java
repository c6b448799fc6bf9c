package dev.lazaret.proxy.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazaret.proxy.npm.NpmJson;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The answers of {@code /-/health}, {@code /-/ready} and {@code /metrics}, served alike on the
 * registry port (load balancers probe it) and on the admin listener.
 */
public final class OpsEndpoints {

  /** Liveness path. */
  public static final String HEALTH = "/-/health";
  /** Readiness path. */
  public static final String READY = "/-/ready";
  /** Prometheus path. */
  public static final String METRICS = "/metrics";

  private static final String JSON = "application/json";
  private static final byte[] OK = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

  private final Readiness readiness;
  private final Metrics metrics;

  /** Endpoints answering from {@code readiness} and {@code metrics}. */
  public OpsEndpoints(Readiness readiness, Metrics metrics) {
    this.readiness = readiness;
    this.metrics = metrics;
  }

  /** Liveness: 200 whenever the process can answer at all. */
  public OpsAnswer health() {
    return new OpsAnswer(200, JSON, OK);
  }

  /**
   * Readiness: 200 or 503, with the reason and the upstream, store and quarantine state as JSON.
   */
  public OpsAnswer ready() {
    Readiness.Report report = readiness.check();
    ObjectNode body = NpmJson.MAPPER.createObjectNode()
        .put("status", report.ready() ? "ready" : "unavailable");
    if (report.reason() != null) {
      body.put("reason", report.reason());
    }
    body.put("upstream", report.upstream());
    body.put("store", report.store() == null ? "ok" : report.store());
    body.put("state", report.state());
    try {
      return new OpsAnswer(report.ready() ? 200 : 503, JSON,
          NpmJson.MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every metric in the Prometheus text format. */
  public OpsAnswer metrics() {
    return new OpsAnswer(200, metrics.contentType(), metrics.scrape());
  }
}
