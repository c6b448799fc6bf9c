package dev.lazaret.policy.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CampaignNameGeneratorTest {

  @Test
  void evaluationFileIsTheGeneratorsOutput() {
    assertThat(NameSets.load("generated-names.txt"))
        .isEqualTo(CampaignNameGenerator.generate(CampaignNameGenerator.SEED, 200));
  }
}
