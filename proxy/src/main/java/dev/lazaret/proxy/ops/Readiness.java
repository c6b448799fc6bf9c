package dev.lazaret.proxy.ops;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Whether this instance should get traffic: not shutting down, the store open and taking writes
 * (while the disk is full it still serves what is cached, but cannot download anything new), and
 * either an upstream reachable or something cached to serve (stale if need be). An upstream not
 * yet called counts as reachable, so a fresh instance is ready at once.
 */
public final class Readiness {

  /**
   * The answer.
   *
   * @param ready    whether to send traffic here
   * @param reason   why not, or {@code null} when ready
   * @param upstream {@code reachable}, {@code unreachable}, {@code partial} or {@code unknown}
   * @param store    what is wrong with the store (e.g. {@code writes failing: No space left on
   *                 device (since ...)}), or {@code null} when it works
   * @param state    the quarantine state: {@code ok}, or {@code unreachable} while its database
   *                 does not answer (the node stays ready: it serves what it had allowed, and
   *                 every node shares that database, so taking them all out would be an outage)
   */
  public record Report(boolean ready, String reason, String upstream, String store,
      String state) {

    /** A report with nothing wrong with the store or the state. */
    public Report(boolean ready, String reason, String upstream) {
      this(ready, reason, upstream, null, STATE_OK);
    }

    /** A report with the quarantine state reachable. */
    public Report(boolean ready, String reason, String upstream, String store) {
      this(ready, reason, upstream, store, STATE_OK);
    }

    private Report with(String state) {
      return new Report(ready, reason, upstream, store, state);
    }
  }

  /** The quarantine state answers. */
  public static final String STATE_OK = "ok";
  /** The quarantine state's database does not answer. */
  public static final String STATE_UNREACHABLE = "unreachable";

  private final Supplier<String> storeProblem;
  private final BooleanSupplier cachedContent;
  private final List<UpstreamHealth> upstreams = new CopyOnWriteArrayList<>();
  private volatile boolean shuttingDown;
  private volatile BooleanSupplier stateReachable = () -> true;

  /**
   * @param storeProblem  {@code null} if the store answers, else what is wrong with it
   * @param cachedContent whether anything is cached that could be served while upstreams are down
   */
  public Readiness(Supplier<String> storeProblem, BooleanSupplier cachedContent) {
    this.storeProblem = storeProblem;
    this.cachedContent = cachedContent;
  }

  /** Takes {@code health} into account from now on. */
  public void watch(UpstreamHealth health) {
    upstreams.add(health);
  }

  /** Reports whether the quarantine state is reachable, as {@code reachable} says. */
  public void watchState(BooleanSupplier reachable) {
    this.stateReachable = reachable;
  }

  /** From now on the instance reports not ready: load balancers should stop sending traffic. */
  public void beginShutdown() {
    shuttingDown = true;
  }

  /** Decides now. */
  public Report check() {
    Report report = checkServing();
    return stateReachable.getAsBoolean() ? report : report.with(STATE_UNREACHABLE);
  }

  private Report checkServing() {
    String upstream = upstreamSummary();
    if (shuttingDown) {
      return new Report(false, "shutting down", upstream);
    }
    String store = storeProblem.get();
    if (store != null) {
      return new Report(false, "store unavailable: " + store, upstream, store);
    }
    if (upstream.equals("unreachable") && !cachedContent.getAsBoolean()) {
      return new Report(false, "upstream unreachable (" + lastProblem()
          + ") and nothing cached to serve", upstream);
    }
    return new Report(true, null, upstream);
  }

  private String upstreamSummary() {
    int reachable = 0;
    int unreachable = 0;
    for (UpstreamHealth h : upstreams) {
      switch (h.state()) {
        case REACHABLE -> reachable++;
        case UNREACHABLE -> unreachable++;
        case UNKNOWN -> { }
      }
    }
    if (unreachable == 0) {
      return reachable == 0 ? "unknown" : "reachable";
    }
    return reachable == 0 && unreachable == upstreams.size() ? "unreachable" : "partial";
  }

  private String lastProblem() {
    for (UpstreamHealth h : upstreams) {
      if (h.problem() != null) {
        return h.name() + ": " + h.problem();
      }
    }
    return "no answer";
  }
}
