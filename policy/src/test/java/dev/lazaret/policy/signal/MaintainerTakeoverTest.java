package dev.lazaret.policy.signal;

import static dev.lazaret.policy.Fixtures.context;
import static dev.lazaret.policy.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.Evidence;
import dev.lazaret.policy.PackageFacts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaintainerTakeoverTest {

  @Test
  void strangerPublishingFires() {
    PackageFacts facts = PackageFacts.builder("p")
        .version(version("1.0.0", Duration.ofDays(300), "alice").build())
        .version(version("1.0.1", Duration.ofHours(1), "mallory").build()).build();
    assertThat(new MaintainerTakeover().evaluate(context(facts, "1.0.1", Evidence.none()))
        .fired()).isTrue();
  }

  @Test
  void coMaintainerPublishingIsFine() {
    PackageFacts facts = PackageFacts.builder("p")
        .version(version("1.0.0", Duration.ofDays(300), "alice")
            .maintainers(List.of("alice", "bob")).build())
        .version(version("1.0.1", Duration.ofHours(1), "bob").build()).build();
    assertThat(new MaintainerTakeover().evaluate(context(facts, "1.0.1", Evidence.none()))
        .fired()).isFalse();
  }

  @Test
  void firstVersionCannotBeATakeover() {
    PackageFacts facts = PackageFacts.builder("p")
        .version(version("1.0.0", Duration.ofHours(1), "alice").build()).build();
    assertThat(new MaintainerTakeover().evaluate(context(facts, "1.0.0", Evidence.none()))
        .fired()).isFalse();
  }
}
