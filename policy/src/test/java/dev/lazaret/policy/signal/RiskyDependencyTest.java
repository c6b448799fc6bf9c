package dev.lazaret.policy.signal;

import static dev.lazaret.policy.Fixtures.ago;
import static dev.lazaret.policy.Fixtures.context;
import static dev.lazaret.policy.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.Contents;
import dev.lazaret.policy.PackageFacts;
import dev.lazaret.policy.SignalResult;
import dev.lazaret.policy.content.ContentFacts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RiskyDependencyTest {

  private static SignalResult judge(String name, ContentFacts content) {
    PackageFacts facts = PackageFacts.builder(name)
        .version(version("3.3.5", Duration.ofDays(900), "a").build())
        .version(version("3.3.6", Duration.ofDays(2), "a").build()).build();
    return new RiskyDependency().evaluate(context(facts, "3.3.6", content));
  }

  @Test
  void aDependencyCreatedDaysBeforeTheVersionFires() {
    // event-stream 3.3.6 and flatmap-stream.
    SignalResult r = judge("event-stream", Contents.since("3.3.5")
        .dependency("flatmap-stream", "^0.1.0", ago(Duration.ofDays(5)), false, false).build());
    assertThat(r.fired()).isTrue();
    assertThat(r.value()).isEqualTo("flatmap-stream");
    assertThat(r.sentence()).isEqualTo("It adds a dependency on flatmap-stream (^0.1.0), a"
        + " package created 3 days before this version.");
  }

  @Test
  void aHeldOrRiskyDependencyFires() {
    assertThat(judge("p", Contents.since("3.3.5")
        .dependency("q", "^1.0.0", ago(Duration.ofDays(2000)), true, false).build()).sentence())
        .isEqualTo("It adds a dependency on q (^1.0.0), which the quarantine holds.");
    assertThat(judge("@acme/a", Contents.since("3.3.5")
        .dependency("@acme/b", "^1.0.0", ago(Duration.ofDays(3)), true, true).build()).fired())
        .isTrue();
  }

  @Test
  void establishedDependenciesAndNewSameScopeSiblingsAreQuiet() {
    assertThat(judge("p", Contents.since("3.3.5")
        .dependency("lodash", "^4.17.21", ago(Duration.ofDays(4000)), false, false)
        .dependency("unknown-age", "^1.0.0", null, false, false).build()).fired()).isFalse();
    SignalResult sibling = judge("@babel/core", Contents.since("3.3.5")
        .dependency("@babel/helper-new", "^7.0.0", ago(Duration.ofDays(2)), true, false).build());
    assertThat(sibling.fired()).isFalse();
    assertThat(sibling.sentence()).isEqualTo("The dependencies it adds (@babel/helper-new) are"
        + " neither new, held nor risky.");
  }

  @Test
  void noDependenciesOrNotInspectedIsQuiet() {
    assertThat(judge("p", Contents.since("3.3.5").build()).fired()).isFalse();
    assertThat(judge("p", null).fired()).isFalse();
  }
}
