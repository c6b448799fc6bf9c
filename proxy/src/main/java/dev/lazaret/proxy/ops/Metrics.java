package dev.lazaret.proxy.ops;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Lazaret's metrics: a Prometheus registry of its own (so several instances in one JVM, as in
 * tests, never share counters), plus the JVM basics, and the text exposition for
 * {@code /metrics}. Other components add gauges here, e.g. holds by state.
 */
public final class Metrics {

  private static final Logger log = LoggerFactory.getLogger(Metrics.class);
  private static final PrometheusTextFormatWriter TEXT = PrometheusTextFormatWriter.create();

  private final PrometheusRegistry registry = new PrometheusRegistry();

  /**
   * JVM and process metrics, registered once per JVM: the client remembers every registry it
   * registered them in, forever, so a registry per instance would keep each closed instance.
   */
  private static final class Jvm {
    static final PrometheusRegistry REGISTRY = new PrometheusRegistry();

    static {
      JvmMetrics.builder().register(REGISTRY);
    }
  }

  /** The underlying registry, for counters and histograms built with the Prometheus client. */
  public PrometheusRegistry registry() {
    return registry;
  }

  /**
   * Registers a gauge read at scrape time. A supplier that throws (e.g. a store closing) leaves
   * the gauge out of that scrape instead of failing it.
   */
  public void gauge(String name, String help, DoubleSupplier value) {
    GaugeWithCallback.builder().name(name).help(help)
        .callback(cb -> {
          double v;
          try {
            v = value.getAsDouble();
          } catch (RuntimeException e) {
            log.debug("gauge {} unavailable: {}", name, e.toString());
            return;
          }
          cb.call(v);
        })
        .register(registry);
  }

  /**
   * Registers a gauge with one label, read at scrape time: one sample per map entry, e.g.
   * {@code gauge("lazaret_holds", "...", "state", () -> Map.of("held", 3, "approved", 10))}.
   */
  public void gauge(String name, String help, String labelName,
      Supplier<? extends Map<String, ? extends Number>> values) {
    GaugeWithCallback.builder().name(name).help(help).labelNames(labelName)
        .callback(cb -> {
          Map<String, ? extends Number> snapshot;
          try {
            snapshot = values.get();
          } catch (RuntimeException e) {
            log.debug("gauge {} unavailable: {}", name, e.toString());
            return;
          }
          snapshot.forEach((label, v) -> cb.call(v.doubleValue(), label));
        })
        .register(registry);
  }

  /** Registers a counter read at scrape time from a monotonic source, e.g. a static tally. */
  public void counter(String name, String help, LongSupplier value) {
    CounterWithCallback.builder().name(name).help(help)
        .callback(cb -> cb.call(value.getAsLong()))
        .register(registry);
  }

  /**
   * Registers a counter kept elsewhere and read at scrape time, with one sample per map entry;
   * each key holds the values of {@code labelNames}, in order.
   */
  public void counter(String name, String help, List<String> labelNames,
      Supplier<? extends Map<List<String>, ? extends Number>> values) {
    CounterWithCallback.builder().name(name).help(help)
        .labelNames(labelNames.toArray(String[]::new))
        .callback(cb -> {
          Map<List<String>, ? extends Number> snapshot;
          try {
            snapshot = values.get();
          } catch (RuntimeException e) {
            log.debug("counter {} unavailable: {}", name, e.toString());
            return;
          }
          snapshot.forEach((labels, v) -> cb.call(v.doubleValue(),
              labels.toArray(String[]::new)));
        })
        .register(registry);
  }

  /** The Content-Type of {@link #scrape()}. */
  public String contentType() {
    return TEXT.getContentType();
  }

  /** Every metric, this instance's and the JVM's, in the Prometheus text format. */
  public byte[] scrape() {
    List<MetricSnapshot> all = new ArrayList<>();
    Jvm.REGISTRY.scrape().forEach(all::add);
    registry.scrape().forEach(all::add);
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 << 10);
    try {
      TEXT.write(out, new MetricSnapshots(all));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
