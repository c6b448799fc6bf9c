package dev.lazaret.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PolicySettingsTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    PolicySettings s = PolicySettings.defaults();
    assertThat(s.baseCooldown()).isEqualTo(Duration.ofHours(24));
    assertThat(s.riskyCooldown()).isEqualTo(Duration.ofDays(7));
    assertThat(s.freshAccountWindow()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void badValuesNameTheKeyAndTheValue() {
    assertThatThrownBy(() -> PolicySettings.defaults().withBaseCooldown(Duration.ofHours(-1)))
        .hasMessage("policy setting baseCooldown must be positive, got PT-1H");
    assertThatThrownBy(() -> PolicySettings.defaults().withRiskyCooldown(Duration.ofHours(1)))
        .hasMessageContaining("riskyCooldown").hasMessageContaining("PT1H");
    assertThatThrownBy(() -> PolicySettings.defaults().withMachineNameThreshold(1.5))
        .hasMessage("policy setting machineNameThreshold must be in (0, 1], got 1.5");
  }
}
