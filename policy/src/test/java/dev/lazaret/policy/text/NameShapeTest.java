package dev.lazaret.policy.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameShapeTest {

  @Test
  void oneNumberAtTheEndIsATrailingNumber() {
    NameShape s = NameShape.of("darekf77");
    assertThat(s.trailingNumber()).isTrue();
    assertThat(s.leadingNumber()).isFalse();
    assertThat(s.digitTransitions()).isEqualTo(1);
    assertThat(s.maxDigitRun()).isEqualTo(2);
  }

  @Test
  void digitsScatteredThroughTheNameAreNeitherLeadingNorTrailing() {
    NameShape s = NameShape.of("5t7crz72");
    assertThat(s.trailingNumber()).isFalse();
    assertThat(s.leadingNumber()).isFalse();
    assertThat(s.digitTransitions()).isEqualTo(4);
    assertThat(s.repeats()).isZero();
  }

  @Test
  void anAllDigitNameIsALeadingNumberOnly() {
    NameShape s = NameShape.of("523451928");
    assertThat(s.leadingNumber()).isTrue();
    assertThat(s.trailingNumber()).isFalse();
    assertThat(s.maxDigitRun()).isEqualTo(9);
  }

  @Test
  void separatorsAreCountedButNotInTheLength() {
    NameShape s = NameShape.of("m00nl1ght-dev");
    assertThat(s.separators()).isEqualTo(1);
    assertThat(s.length()).isEqualTo(12);
  }

  @Test
  void doubledCharactersAndRepeatedPairsCountAsRepeats() {
    assertThat(NameShape.of("ccxxww").repeats()).isEqualTo(3);
    assertThat(NameShape.of("asdasd").repeats()).isEqualTo(2);
  }
}
