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

class UninspectableTest {

  private static final PackageFacts FACTS = PackageFacts.builder("p")
      .version(version("1.0.0", Duration.ofHours(2), "a").build()).build();

  private static SignalResult judge(ContentFacts content) {
    return new Uninspectable().evaluate(context(FACTS, "1.0.0", content));
  }

  @Test
  void aFailedInspectionFiresAndSaysWhy() {
    SignalResult r = judge(ContentFacts.failed("the archive unpacks to more than 200 MiB",
        null));
    assertThat(r.fired()).isTrue();
    assertThat(r.sentence()).isEqualTo("The tarball could not be inspected in full: the archive"
        + " unpacks to more than 200 MiB.");
  }

  @Test
  void aCompleteInspectionOrNoneIsQuiet() {
    assertThat(judge(Contents.since(null).build()).fired()).isFalse();
    assertThat(judge(null).value()).isEqualTo("not inspected");
  }
}
