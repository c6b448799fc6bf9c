package dev.lazaret.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PackageVerdictTest {

  @Test
  void aVersionThatWasJudgedGetsItsVerdict() {
    Verdict.Hold hold = new Verdict.Hold(Instant.parse("2025-06-01T12:00:00Z"), List.of("new"));
    PackageVerdict verdict = new PackageVerdict(
        Map.of("1.0.0", Verdict.Allow.PLAIN, "1.1.0", hold), Optional.empty());

    assertThat(verdict.of("1.0.0").allowed()).isTrue();
    assertThat(verdict.of("1.1.0")).isEqualTo(hold);
  }

  @Test
  void allowingAllowsExactlyTheVersionsNamed() {
    PackageVerdict verdict = PackageVerdict.allowing(List.of("1.0.0", "2.0.0"));

    assertThat(verdict.of("1.0.0").allowed()).isTrue();
    assertThat(verdict.of("2.0.0").allowed()).isTrue();
    assertThat(verdict.of("3.0.0").allowed()).isFalse();
    assertThat(verdict.validUntil()).isEmpty();
  }

  @Test
  void aVersionThePolicyWasNeverAskedAboutIsBlockedNotAllowed() {
    PackageVerdict verdict = new PackageVerdict(Map.of("1.0.0", Verdict.Allow.PLAIN),
        Optional.empty());

    Verdict unknown = verdict.of("6.6.6");
    assertThat(unknown.allowed()).isFalse();
    assertThat(unknown).isInstanceOf(Verdict.Block.class);
    assertThat(unknown.reasons()).containsExactly("no verdict for this version");
  }
}
