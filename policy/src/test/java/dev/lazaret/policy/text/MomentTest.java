package dev.lazaret.policy.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MomentTest {

  private static final Instant NOW = Instant.parse("2026-12-07T10:42:11.123456789Z");

  @Test
  void futureInstantsReadInAndPastOnesAgo() {
    assertThat(Moment.relative(NOW.plus(Duration.ofMinutes(200)), NOW))
        .isEqualTo("in 3 h 20 min (2026-12-07 14:02:11 UTC)");
    assertThat(Moment.relative(Instant.parse("2026-12-04T09:00:00Z"), NOW))
        .isEqualTo("3 days ago (2026-12-04 09:00:00 UTC)");
    assertThat(Moment.relative(NOW.plusMillis(400), NOW)).isEqualTo("now (2026-12-07 10:42:11"
        + " UTC)");
  }

  @Test
  void utcIsToTheSecondWithoutNanoseconds() {
    assertThat(Moment.utc(NOW)).isEqualTo("2026-12-07 10:42:11 UTC");
    assertThat(Moment.utc(Instant.parse("2026-01-02T03:04:05.999Z")))
        .isEqualTo("2026-01-02 03:04:05 UTC");
  }

  @Test
  void spansRoundDownToAUnitThatReadsNaturally() {
    assertThat(Moment.span(Duration.ofSeconds(40))).isEqualTo("40 s");
    assertThat(Moment.span(Duration.ofSeconds(59 * 60 + 59))).isEqualTo("59 min");
    assertThat(Moment.span(Duration.ofHours(2))).isEqualTo("2 h");
    assertThat(Moment.span(Duration.ofHours(47).plusMinutes(5))).isEqualTo("47 h 5 min");
    assertThat(Moment.span(Duration.ofDays(6).plusHours(23))).isEqualTo("6 days");
    assertThat(Moment.span(Duration.ofDays(1000))).isEqualTo("2 years");
    assertThat(Moment.span(Duration.ofSeconds(-5))).isEqualTo("0 s");
  }
}
