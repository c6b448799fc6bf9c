package dev.lazaret.proxy.quarantine;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counts recorded versions by state, for the {@code lazaret_holds} gauge: from the state's counts
 * by stored state, reading only the current holds to find those whose time has passed.
 */
public final class HoldCounts {

  private static final int PAGE = 1_000;

  private HoldCounts() {
  }

  /** Every state with its count as of {@code now} (a hold past its time counts as released). */
  public static Map<String, Integer> byState(QuarantineState state, Instant now) {
    Map<HoldState, Long> stored = state.holdCounts();
    Map<HoldState, Long> counts = new EnumMap<>(HoldState.class);
    for (HoldState s : HoldState.values()) {
      counts.put(s, stored.getOrDefault(s, 0L));
    }
    HoldPosition after = null;
    List<HoldRecord> page;
    do {
      page = state.holdsIn(EnumSet.of(HoldState.HELD), after, PAGE);
      for (HoldRecord r : page) {
        if (r.stateAt(now) != HoldState.HELD) {
          counts.merge(HoldState.HELD, -1L, Long::sum);
          counts.merge(HoldState.RELEASED, 1L, Long::sum);
        }
      }
      after = page.isEmpty() ? null : HoldPosition.of(page.getLast());
    } while (page.size() == PAGE);
    Map<String, Integer> named = new LinkedHashMap<>();
    counts.forEach((s, n) -> named.put(s.name().toLowerCase(Locale.ROOT), n.intValue()));
    return named;
  }
}
