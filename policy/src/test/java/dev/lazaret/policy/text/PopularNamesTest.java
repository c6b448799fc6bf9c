package dev.lazaret.policy.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PopularNamesTest {

  @Test
  void bundledListIsSizeable() {
    assertThat(PopularNames.bundled().size()).isBetween(500, 2000);
  }

  @Test
  void noPopularNameIsATyposquatOfAnother() {
    PopularNames popular = PopularNames.bundled();
    assertThat(popular.nearest("react-dom", 2)).isEmpty();
    assertThat(popular.nearest("react-dnd", 2)).isEmpty();
  }

  @Test
  void nearestIsDeterministic() {
    assertThat(PopularNames.of(java.util.List.of("abcde", "abcdf")).nearest("abcdx", 1))
        .map(PopularNames.Match::name).contains("abcde");
  }
}
