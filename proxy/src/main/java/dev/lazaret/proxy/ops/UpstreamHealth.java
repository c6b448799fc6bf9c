package dev.lazaret.proxy.ops;

import java.util.function.LongSupplier;

/**
 * What the last upstream call showed: reachable, unreachable, or nothing seen yet. Updated by
 * {@link MeteredUpstream} on every call, so readiness needs no probe per request.
 */
public final class UpstreamHealth {

  /** The upstream's state as last seen. */
  public enum State {
    /** No call made yet. */
    UNKNOWN,
    /** The last call got an answer. */
    REACHABLE,
    /** The last call timed out, could not connect, or got a server error. */
    UNREACHABLE
  }

  /** One observation, replaced as a whole so readers never see a mix of two. */
  private record Seen(State state, long atNanos, String problem) {}

  private final String name;
  private final LongSupplier nanoTime;
  private volatile Seen last;

  /** Health of the upstream called {@code name} (for messages), timed by {@code nanoTime}. */
  public UpstreamHealth(String name, LongSupplier nanoTime) {
    this.name = name;
    this.nanoTime = nanoTime;
    this.last = new Seen(State.UNKNOWN, nanoTime.getAsLong(), null);
  }

  /** The upstream answered. */
  public void answered() {
    last = new Seen(State.REACHABLE, nanoTime.getAsLong(), null);
  }

  /** The upstream failed to answer usefully; {@code problem} says how. */
  public void failed(String problem) {
    last = new Seen(State.UNREACHABLE, nanoTime.getAsLong(), problem);
  }

  /** The upstream's name, e.g. {@code registry.example:443}. */
  public String name() {
    return name;
  }

  /** The state as last seen. */
  public State state() {
    return last.state();
  }

  /** What went wrong in the last failed call, or {@code null} if the last call did not fail. */
  public String problem() {
    return last.problem();
  }

  /** Nanoseconds since the last call (or since creation if none). */
  public long idleNanos() {
    return nanoTime.getAsLong() - last.atNanos();
  }
}
