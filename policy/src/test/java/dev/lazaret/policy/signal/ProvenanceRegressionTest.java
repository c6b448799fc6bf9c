package dev.lazaret.policy.signal;

import static dev.lazaret.policy.Fixtures.context;
import static dev.lazaret.policy.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.Evidence;
import dev.lazaret.policy.PackageFacts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProvenanceRegressionTest {

  private final PackageFacts facts = PackageFacts.builder("p")
      .version(version("1.0.0", Duration.ofDays(100), "x").build())
      .version(version("1.1.0", Duration.ofDays(50), "x").provenance(true).build())
      .version(version("1.2.0", Duration.ofHours(1), "x").build()).build();

  @Test
  void droppingProvenanceFires() {
    assertThat(new ProvenanceRegression().evaluate(context(facts, "1.2.0", Evidence.none()))
        .fired()).isTrue();
  }

  @Test
  void neverHavingHadProvenanceIsQuiet() {
    assertThat(new ProvenanceRegression().evaluate(context(facts, "1.0.0", Evidence.none()))
        .fired()).isFalse();
  }

  @Test
  void provenanceDroppedLongAgoIsTheMaintainersHabit() {
    var b = PackageFacts.builder("p")
        .version(version("1.0.0", Duration.ofDays(800), "x").provenance(true).build());
    for (int i = 1; i <= 3; i++) {
      b.version(version("1.0." + i, Duration.ofDays(800 - 150L * i), "x").build());
    }
    var facts = b.version(version("1.1.0", Duration.ofHours(1), "x").build()).build();
    var r = new ProvenanceRegression().evaluate(context(facts, "1.1.0", Evidence.none()));
    assertThat(r.fired()).isFalse();
    assertThat(r.sentence()).isEqualTo("Earlier versions had provenance, but the 3 releases over"
        + " 649 days before this one had none either: a long-standing shape.");
  }
}
