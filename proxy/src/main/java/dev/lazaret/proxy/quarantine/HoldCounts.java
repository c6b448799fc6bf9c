package dev.lazaret.proxy.quarantine;

import dev.lazaret.storage.Record;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Counts recorded versions by state, for the {@code lazaret_holds} gauge. */
public final class HoldCounts {

  private static final int PAGE = 1_000;

  private HoldCounts() {
  }

  /** Every state with its count as of {@code now} (a hold past its time counts as released). */
  public static Map<String, Integer> byState(HoldLedger holds, Instant now) {
    Map<HoldState, Integer> counts = new EnumMap<>(HoldState.class);
    for (HoldState s : HoldState.values()) {
      counts.put(s, 0);
    }
    String cursor = null;
    while (true) {
      List<Record> page = holds.page(cursor, PAGE);
      for (Record r : page) {
        counts.merge(holds.decode(r.value()).stateAt(now), 1, Integer::sum);
      }
      if (page.size() < PAGE) {
        break;
      }
      cursor = page.getLast().key();
    }
    Map<String, Integer> named = new LinkedHashMap<>();
    counts.forEach((state, n) -> named.put(state.name().toLowerCase(Locale.ROOT), n));
    return named;
  }
}
