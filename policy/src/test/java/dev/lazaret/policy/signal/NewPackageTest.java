package dev.lazaret.policy.signal;

import static dev.lazaret.policy.Fixtures.ago;
import static dev.lazaret.policy.Fixtures.context;
import static dev.lazaret.policy.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.Evidence;
import dev.lazaret.policy.PackageFacts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NewPackageTest {

  @Test
  void recentPackageWithFewVersionsIsNew() {
    PackageFacts facts = PackageFacts.builder("fresh-thing").created(ago(Duration.ofHours(5)))
        .version(version("1.0.0", Duration.ofHours(5), "x").build()).build();
    assertThat(new NewPackage().evaluate(context(facts, "1.0.0", Evidence.none())).fired())
        .isTrue();
  }

  @Test
  void oldPackageIsNotNew() {
    PackageFacts facts = PackageFacts.builder("old-thing").created(ago(Duration.ofDays(900)))
        .version(version("1.0.0", Duration.ofDays(900), "x").build())
        .version(version("1.1.0", Duration.ofHours(1), "x").build()).build();
    assertThat(new NewPackage().evaluate(context(facts, "1.1.0", Evidence.none())).fired())
        .isFalse();
  }

  @Test
  void judgedAtPublishTimeSoTheFourthVersionOfAWeekOldPackageIsNotNew() {
    PackageFacts.Builder b = PackageFacts.builder("busy").created(ago(Duration.ofDays(7)));
    for (int i = 0; i < 4; i++) {
      b.version(version("1.0." + i, Duration.ofDays(7 - i), "x").build());
    }
    PackageFacts facts = b.build();
    assertThat(new NewPackage().evaluate(context(facts, "1.0.2", Evidence.none())).fired())
        .isTrue();
    assertThat(new NewPackage().evaluate(context(facts, "1.0.3", Evidence.none())).fired())
        .isFalse();
  }
}
