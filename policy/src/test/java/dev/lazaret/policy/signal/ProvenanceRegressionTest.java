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
}
