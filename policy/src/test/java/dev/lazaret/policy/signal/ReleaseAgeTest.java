package dev.lazaret.policy.signal;

import static dev.lazaret.policy.Fixtures.context;
import static dev.lazaret.policy.Fixtures.single;
import static dev.lazaret.policy.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.Evidence;
import dev.lazaret.policy.SignalResult;
import dev.lazaret.policy.VersionFacts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReleaseAgeTest {

  @Test
  void firesWhileYoungerThanTheBaseCooldown() {
    SignalResult r = new ReleaseAge().evaluate(context(
        single("pkg", version("1.0.0", Duration.ofHours(2), "alice").build()), "1.0.0",
        Evidence.none()));
    assertThat(r.fired()).isTrue();
    assertThat(r.value()).isEqualTo("2 h");
    assertThat(r.phrase()).isEqualTo("published 2 h ago by 'alice'");
  }

  @Test
  void quietOnceTheCooldownHasPassed() {
    SignalResult r = new ReleaseAge().evaluate(context(
        single("pkg", version("1.0.0", Duration.ofDays(3), "alice").build()), "1.0.0",
        Evidence.none()));
    assertThat(r.fired()).isFalse();
    assertThat(r.value()).isEqualTo("3 days");
  }

  @Test
  void unknownPublishTimeIsSaid() {
    SignalResult r = new ReleaseAge().evaluate(context(
        single("pkg", new VersionFacts("1.0.0", null, "alice")), "1.0.0", Evidence.none()));
    assertThat(r.fired()).isFalse();
    assertThat(r.sentence()).contains("no publish time");
  }
}
