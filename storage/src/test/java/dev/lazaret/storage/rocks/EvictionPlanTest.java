package dev.lazaret.storage.rocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which tarballs a plan picks, whatever order they are offered in. */
class EvictionPlanTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private static EvictionPlan.Candidate candidate(String key, long size, long secondsAfterT0) {
    return new EvictionPlan.Candidate(key, key.hashCode(), size, T0.plusSeconds(secondsAfterT0));
  }

  private static List<String> victims(long bytesToFree, EvictionPlan.Candidate... offered) {
    EvictionPlan plan = new EvictionPlan(bytesToFree);
    for (EvictionPlan.Candidate candidate : offered) {
      plan.offer(candidate);
    }
    return plan.victims().stream().map(EvictionPlan.Candidate::digestKey).toList();
  }

  @Test
  void picksTheOldestThatTogetherFreeEnough() {
    EvictionPlan.Candidate a = candidate("a", 100, 3);
    EvictionPlan.Candidate b = candidate("b", 50, 1);
    EvictionPlan.Candidate c = candidate("c", 70, 2);
    EvictionPlan.Candidate d = candidate("d", 500, 4);
    assertThat(victims(120, a, b, c, d)).containsExactly("b", "c");
    assertThat(victims(120, d, c, b, a)).containsExactly("b", "c");
    assertThat(victims(121, a, d, b, c)).containsExactly("b", "c", "a");
    assertThat(victims(1, d, a, c, b)).containsExactly("b");
  }

  @Test
  void aLargeRecentTarballIsNotPickedWhileOlderOnesSuffice() {
    assertThat(victims(10, candidate("big-new", 1000, 9), candidate("small-old", 10, 0)))
        .containsExactly("small-old");
  }

  @Test
  void everythingIsPickedWhenEverythingIsNotEnough() {
    assertThat(victims(10_000, candidate("x", 1, 2), candidate("y", 2, 1))).containsExactly("y", "x");
  }

  @Test
  void nothingIsPickedWhenNothingNeedsFreeing() {
    assertThat(victims(0, candidate("x", 1, 2), candidate("y", 0, 1))).isEmpty();
  }

  @Test
  void tiesAreBrokenByKey() {
    assertThat(victims(2, candidate("b", 1, 0), candidate("a", 1, 0), candidate("c", 1, 0)))
        .containsExactly("a", "b");
  }
}
