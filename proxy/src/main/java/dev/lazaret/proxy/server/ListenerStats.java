package dev.lazaret.proxy.server;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one listener turned away, for metrics: connections past the cap, connections too slow to
 * send a request head, and request bodies too large, past the in-flight budget or too slow.
 */
public final class ListenerStats {

  private final AtomicInteger open = new AtomicInteger();
  private final LongAdder refusedConnections = new LongAdder();
  private final LongAdder headerTimeouts = new LongAdder();
  private final LongAdder bodiesTooLarge = new LongAdder();
  private final LongAdder bodiesOverBudget = new LongAdder();
  private final LongAdder bodyTimeouts = new LongAdder();

  /** Connections open right now. */
  public int openConnections() {
    return open.get();
  }

  /** Connections closed at once because the listener had {@code server.max-connections}. */
  public long refusedConnections() {
    return refusedConnections.sum();
  }

  /** Connections closed because no complete request head came within the header timeout. */
  public long headerTimeouts() {
    return headerTimeouts.sum();
  }

  /** Requests answered 413: a body larger than the route takes. */
  public long bodiesTooLarge() {
    return bodiesTooLarge.sum();
  }

  /** Requests answered 503: the bodies being received already filled the budget. */
  public long bodiesOverBudget() {
    return bodiesOverBudget.sum();
  }

  /** Requests answered 408: their body was not complete within the body timeout. */
  public long bodyTimeouts() {
    return bodyTimeouts.sum();
  }

  AtomicInteger open() {
    return open;
  }

  void refusedConnection() {
    refusedConnections.increment();
  }

  void headerTimeout() {
    headerTimeouts.increment();
  }

  void bodyTooLarge() {
    bodiesTooLarge.increment();
  }

  void bodyOverBudget() {
    bodiesOverBudget.increment();
  }

  void bodyTimeout() {
    bodyTimeouts.increment();
  }
}
