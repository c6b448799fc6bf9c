package dev.lazaret.proxy.quarantine;

import java.time.Clock;
import java.util.Map;

/**
 * The {@code lazaret_holds} gauge: counts by state, and the last counts while the state cannot
 * be read, so a scrape never fails (nor waits on every hold) because the database is down.
 */
public final class HoldGauge {

  private final QuarantineState state;
  private final Clock clock;
  private volatile Map<String, Integer> last = Map.of();

  /** The gauge over {@code state}. */
  public HoldGauge(QuarantineState state, Clock clock) {
    this.state = state;
    this.clock = clock;
  }

  /** Every state with its count (a hold past its time counts as released). */
  public Map<String, Integer> byState() {
    if (!state.reachable()) {
      // /-/ready and lazaret_state_reachable say why; a scrape must not wait for the database.
      return last;
    }
    try {
      last = HoldCounts.byState(state, clock.instant());
    } catch (StateUnavailableException e) {
      // Keeps the last value, as above.
    }
    return last;
  }
}
