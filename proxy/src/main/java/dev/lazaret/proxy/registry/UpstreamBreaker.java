package dev.lazaret.proxy.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A circuit breaker for one upstream. Closed, every call goes through; a timeout, or
 * {@value #FAILURES_TO_OPEN} outages in a row (refused connections, server errors), open it.
 * Open, calls are refused at once without touching the network, so a hung upstream costs a
 * request nothing: stale copies are served, cold requests fail fast. After {@link #RETRY_AFTER}
 * the breaker is half-open: exactly one call (the trial) goes through; its success closes the
 * breaker, its failure opens it for another {@link #RETRY_AFTER}.
 *
 * <p>Every call {@link #tryAcquire} lets through must end in {@link #succeeded}, {@link #failed}
 * or {@link #released}, or a half-open breaker waits {@link #TRIAL_PATIENCE} for its trial.
 */
public final class UpstreamBreaker {

  private static final Logger log = LoggerFactory.getLogger(UpstreamBreaker.class);

  /** Outages in a row that open a closed breaker (a timeout opens it at once). */
  static final int FAILURES_TO_OPEN = 3;
  /** How long an open breaker refuses calls before letting one trial through. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(5);
  /** A trial that has not reported for this long is presumed lost; another may go. */
  static final Duration TRIAL_PATIENCE = Duration.ofMinutes(2);

  /** Where the breaker stands. */
  public enum State {
    /** Calls go through. */
    CLOSED,
    /** Calls are refused until the retry time. */
    OPEN,
    /** One trial call is on its way; every other call is refused. */
    HALF_OPEN
  }

  private final String upstream;
  private final Clock clock;
  private final int failuresToOpen;
  private final Duration retryAfter;

  // Guarded by this: the breaker is touched once per upstream call, never on a warm request.
  private State state = State.CLOSED;
  private int failures;
  private Instant retryAt;
  private Instant trialStarted;
  private String problem;
  private boolean timedOut;

  /** A breaker for the upstream called {@code upstream} (in messages), timed by {@code clock}. */
  public UpstreamBreaker(String upstream, Clock clock) {
    this(upstream, clock, FAILURES_TO_OPEN, RETRY_AFTER);
  }

  UpstreamBreaker(String upstream, Clock clock, int failuresToOpen, Duration retryAfter) {
    this.upstream = upstream;
    this.clock = clock;
    this.failuresToOpen = failuresToOpen;
    this.retryAfter = retryAfter;
  }

  /**
   * Whether a call may go to the upstream now. When half-open, only the caller that gets
   * {@code true} first (the trial) goes; it must report how the call ended.
   */
  public synchronized boolean tryAcquire() {
    Instant now = clock.instant();
    return switch (state) {
      case CLOSED -> true;
      case OPEN -> {
        if (now.isBefore(retryAt)) {
          yield false;
        }
        state = State.HALF_OPEN;
        trialStarted = now;
        yield true;
      }
      case HALF_OPEN -> {
        if (now.isBefore(trialStarted.plus(TRIAL_PATIENCE))) {
          yield false;
        }
        trialStarted = now;
        yield true;
      }
    };
  }

  /** The upstream answered (any answer, a 404 included): it is there. */
  public synchronized void succeeded() {
    if (state != State.CLOSED) {
      log.info("upstream {} answers again; asking it again", upstream);
    }
    state = State.CLOSED;
    failures = 0;
    problem = null;
    timedOut = false;
  }

  /**
   * The upstream did not answer usefully: {@code timeout} if it did not answer in time, else
   * refused, reset, or answered with a server error.
   */
  public synchronized void failed(String what, boolean timeout) {
    problem = what;
    timedOut = timeout;
    failures++;
    boolean opens = state == State.HALF_OPEN || timeout || failures >= failuresToOpen;
    if (!opens) {
      return;
    }
    if (state == State.CLOSED) {
      log.warn("upstream {} is failing ({}); not asking it for {} s, serving what is cached",
          upstream, what, retryAfter.toSeconds());
    }
    state = State.OPEN;
    retryAt = clock.instant().plus(retryAfter);
  }

  /** A call let through ended without telling whether the upstream works (e.g. a bug). */
  public synchronized void released() {
    if (state == State.HALF_OPEN) {
      // Let the next caller try at once rather than wait for the trial's patience.
      state = State.OPEN;
      retryAt = clock.instant();
    }
  }

  /** Where the breaker stands now. */
  public synchronized State state() {
    return state;
  }

  /** Whether calls are being refused (open or half-open). */
  public synchronized boolean isOpen() {
    return state != State.CLOSED;
  }

  /** Whether the failure that opened the breaker was a timeout (a 504 rather than a 502). */
  public synchronized boolean openedByTimeout() {
    return timedOut;
  }

  /** What the last failure was, or {@code null} after a success. */
  public synchronized String problem() {
    return problem;
  }

  /** The upstream's name, as in messages. */
  public String upstream() {
    return upstream;
  }
}
