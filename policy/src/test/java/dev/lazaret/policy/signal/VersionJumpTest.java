package dev.lazaret.policy.signal;

import static dev.lazaret.policy.Fixtures.context;
import static dev.lazaret.policy.Fixtures.single;
import static dev.lazaret.policy.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.Evidence;
import dev.lazaret.policy.PackageFacts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VersionJumpTest {

  @Test
  void newPackageAt99Fires() {
    PackageFacts facts = single("acme-internal", version("99.0.0", Duration.ofHours(1), "x")
        .build());
    assertThat(new VersionJump().evaluate(context(facts, "99.0.0", Evidence.none())).fired())
        .isTrue();
  }

  @Test
  void ordinaryFirstVersionIsQuiet() {
    PackageFacts facts = single("p", version("1.0.0", Duration.ofHours(1), "x").build());
    assertThat(new VersionJump().evaluate(context(facts, "1.0.0", Evidence.none())).fired())
        .isFalse();
  }

  @Test
  void largeMajorJumpFiresAndNextMajorDoesNot() {
    PackageFacts facts = PackageFacts.builder("p")
        .version(version("1.4.0", Duration.ofDays(100), "x").build())
        .version(version("2.0.0", Duration.ofDays(10), "x").build())
        .version(version("50.0.0", Duration.ofHours(1), "x").build()).build();
    assertThat(new VersionJump().evaluate(context(facts, "2.0.0", Evidence.none())).fired())
        .isFalse();
    assertThat(new VersionJump().evaluate(context(facts, "50.0.0", Evidence.none())).value())
        .isEqualTo("+48");
  }
}
