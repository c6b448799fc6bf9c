package dev.lazaret.policy.signal;

import static dev.lazaret.policy.Fixtures.context;
import static dev.lazaret.policy.Fixtures.seenFor;
import static dev.lazaret.policy.Fixtures.single;
import static dev.lazaret.policy.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.Advisories;
import dev.lazaret.policy.Evidence;
import dev.lazaret.policy.PackageFacts;
import dev.lazaret.policy.SignalResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PublisherHistoryTest {

  private final PackageFacts facts =
      single("thing", version("1.0.0", Duration.ofHours(2), "d4ugwerp").build());

  @Test
  void accountSeenOnlyHoursAgoIsFresh() {
    SignalResult r = new PublisherHistory().evaluate(context(facts, "1.0.0",
        Evidence.of(Advisories.clean(), seenFor("d4ugwerp", Duration.ofHours(2), 1))));
    assertThat(r.fired()).isTrue();
    assertThat(r.value()).isEqualTo("fresh");
    assertThat(r.phrase()).isEqualTo("an account first seen 2 h ago");
  }

  @Test
  void accountWithYearsOfHistoryIsEstablished() {
    SignalResult r = new PublisherHistory().evaluate(context(facts, "1.0.0",
        Evidence.of(Advisories.clean(), seenFor("d4ugwerp", Duration.ofDays(2000), 80))));
    assertThat(r.fired()).isFalse();
    assertThat(r.value()).isEqualTo("established");
    assertThat(r.sentence()).contains("maintains 80 package(s)");
  }

  @Test
  void withoutEvidenceTheAccountIsUnknownNotFresh() {
    SignalResult r = new PublisherHistory().evaluate(context(facts, "1.0.0", Evidence.none()));
    assertThat(r.fired()).isFalse();
    assertThat(r.value()).isEqualTo("unknown");
  }

  @Test
  void earlierVersionsInThePackageEstablishTheAccount() {
    PackageFacts old = PackageFacts.builder("thing")
        .version(version("1.0.0", Duration.ofDays(400), "alice").build())
        .version(version("1.1.0", Duration.ofHours(1), "alice").build()).build();
    SignalResult r = new PublisherHistory().evaluate(context(old, "1.1.0",
        Evidence.of(Advisories.clean(), seenFor("alice", Duration.ofHours(1), 1))));
    assertThat(r.value()).isEqualTo("established");
    assertThat(r.sentence()).contains("published earlier versions");
  }
}
