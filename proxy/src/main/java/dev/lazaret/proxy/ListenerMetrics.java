package dev.lazaret.proxy;

import dev.lazaret.proxy.ops.Metrics;
import dev.lazaret.proxy.server.ListenerStats;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What the listeners turned away, by listener: connections past the cap, slow request heads,
 * request bodies too large or past the budget; and the connections open right now.
 */
final class ListenerMetrics {

  private ListenerMetrics() {}

  /** Registers the metrics of {@code listeners} (name to stats) in {@code metrics}. */
  static void register(Metrics metrics, Map<String, ListenerStats> listeners) {
    metrics.gauge("lazaret_connections_open", "Client connections open, by listener", "listener",
        () -> each(listeners, ListenerStats::openConnections));
    counter(metrics, "lazaret_connections_refused_total",
        "Connections closed at once because the listener had server.max-connections",
        listeners, ListenerStats::refusedConnections);
    counter(metrics, "lazaret_header_timeouts_total",
        "Connections closed because no complete request head came within server.header-timeout",
        listeners, ListenerStats::headerTimeouts);
    counter(metrics, "lazaret_request_bodies_too_large_total",
        "Requests answered 413: a body larger than the route takes", listeners,
        ListenerStats::bodiesTooLarge);
    counter(metrics, "lazaret_request_bodies_over_budget_total",
        "Requests answered 503: the request bodies being received filled the budget", listeners,
        ListenerStats::bodiesOverBudget);
    counter(metrics, "lazaret_request_body_timeouts_total",
        "Requests answered 408: the body was not complete within server.header-timeout",
        listeners, ListenerStats::bodyTimeouts);
  }

  private static void counter(Metrics metrics, String name, String help,
      Map<String, ListenerStats> listeners, ToDoubleFunction<ListenerStats> value) {
    CounterWithCallback.builder().name(name).help(help).labelNames("listener")
        .callback(cb -> listeners.forEach((label, stats) -> cb.call(value.applyAsDouble(stats),
            label)))
        .register(metrics.registry());
  }

  private static Map<String, Number> each(Map<String, ListenerStats> listeners,
      ToDoubleFunction<ListenerStats> value) {
    Map<String, Number> out = new java.util.TreeMap<>();
    listeners.forEach((label, stats) -> out.put(label, value.applyAsDouble(stats)));
    return out;
  }
}
