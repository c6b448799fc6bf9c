package dev.lazaret.policy.signal;

import static dev.lazaret.policy.Fixtures.context;
import static dev.lazaret.policy.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.Contents;
import dev.lazaret.policy.PackageFacts;
import dev.lazaret.policy.SignalResult;
import dev.lazaret.policy.content.ContentFacts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NativeBinaryAddedTest {

  private static final PackageFacts FACTS = PackageFacts.builder("p")
      .version(version("1.0.0", Duration.ofDays(300), "a").build())
      .version(version("1.0.1", Duration.ofHours(2), "a").build()).build();

  private static SignalResult judge(ContentFacts content) {
    return new NativeBinaryAdded().evaluate(context(FACTS, "1.0.1", content));
  }

  @Test
  void addedBinariesAreNamed() {
    SignalResult r = judge(Contents.since("1.0.0").binary("prebuilds/linux-x64/addon.node")
        .binary("prebuilds/darwin-arm64/addon.node").binary("prebuilds/win32-x64/addon.node")
        .binary("prebuilds/linux-arm64/addon.node").build());
    assertThat(r.fired()).isTrue();
    assertThat(r.value()).isEqualTo("4");
    assertThat(r.sentence()).isEqualTo("The version adds 4 native binaries that 1.0.0 did not"
        + " ship: prebuilds/linux-x64/addon.node, prebuilds/darwin-arm64/addon.node,"
        + " prebuilds/win32-x64/addon.node and 1 more.");
  }

  @Test
  void noneAddedAFirstReleaseOrNotInspectedIsQuiet() {
    assertThat(judge(Contents.since("1.0.0").build()).fired()).isFalse();
    assertThat(judge(Contents.since(null).binary("bin/x").build()).fired()).isFalse();
    assertThat(judge(null).fired()).isFalse();
  }
}
