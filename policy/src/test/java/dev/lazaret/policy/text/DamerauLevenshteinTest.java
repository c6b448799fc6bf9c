package dev.lazaret.policy.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DamerauLevenshteinTest {

  @Test
  void countsEachKindOfEditAsOne() {
    assertThat(DamerauLevenshtein.distance("lodash", "lodahs", 3)).isEqualTo(1);
    assertThat(DamerauLevenshtein.distance("cross-env", "crossenv", 3)).isEqualTo(1);
    assertThat(DamerauLevenshtein.distance("react", "reactt", 3)).isEqualTo(1);
    assertThat(DamerauLevenshtein.distance("chalk", "chalc", 3)).isEqualTo(1);
    assertThat(DamerauLevenshtein.distance("express", "express", 3)).isZero();
  }

  @Test
  void stopsPastTheLimit() {
    assertThat(DamerauLevenshtein.distance("lodash", "underscore", 2)).isEqualTo(3);
    assertThat(DamerauLevenshtein.distance("a", "abcdef", 2)).isEqualTo(3);
  }
}
