package dev.lazaret.proxy.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuarantineStatusTest {

  private static final Instant NOW = Instant.parse("2026-12-07T10:42:11.123456789Z");

  @Test
  void aTimedHoldIsReleasedRelativeToNowThenInUtcToTheSecond() {
    Verdict.Hold hold = new Verdict.Hold(NOW.plus(Duration.ofMinutes(200)), List.of("cooldown"));

    assertThat(QuarantineStatus.releasedIn(hold, NOW))
        .isEqualTo("in 3 h 20 min (2026-12-07 14:02:11 UTC)");
  }

  @Test
  void aHoldAwaitingItsInspectionSaysWhatItWaitsForNotTheInstantItWasJudged() {
    Verdict.Hold hold = Verdict.Hold.awaitingInspection(NOW, List.of(), List.of());

    assertThat(QuarantineStatus.releasedIn(hold, NOW.plusSeconds(5)))
        .isEqualTo("once its tarball has been inspected, usually within a minute");
  }
}
