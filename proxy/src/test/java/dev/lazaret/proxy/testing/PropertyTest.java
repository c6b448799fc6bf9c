package dev.lazaret.proxy.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Property}: runs every try, repeats itself for a seed, and reports how to rerun a failure. */
class PropertyTest {

  @Test
  void runsExactlyTheTriesAskedFor() {
    List<Integer> seen = new ArrayList<>();
    Property.forAll(1, 37, Gen.integers(), seen::add);
    assertThat(seen).hasSize(37);
  }

  @Test
  void theSameSeedGivesTheSameInputs() {
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    List<String> other = new ArrayList<>();
    Property.forAll(7, 50, Gen.strings(20), first::add);
    Property.forAll(7, 50, Gen.strings(20), second::add);
    Property.forAll(8, 50, Gen.strings(20), other::add);
    assertThat(first).isEqualTo(second).isNotEqualTo(other);
  }

  @Test
  void aTryDrawsTheSameInputHoweverMuchEarlierTriesDrew() {
    List<Integer> plain = new ArrayList<>();
    List<Integer> afterLists = new ArrayList<>();
    Property.forAll(7, 20, Gen.integers(), plain::add);
    Gen<List<Integer>> lists = Gen.integers().list(50);
    Gen<Integer> thenAList = random -> {
      Integer first = Gen.integers().next(random);
      lists.next(random);
      return first;
    };
    Property.forAll(7, 20, thenAList, afterLists::add);
    assertThat(afterLists).isEqualTo(plain);
  }

  @Test
  void aFailureNamesTheSeedTheTryAndTheInput() {
    List<Integer> seen = new ArrayList<>();
    Gen<Integer> counter = random -> seen.size();
    assertThatThrownBy(() -> Property.forAll(1234, 10, counter, i -> {
      seen.add(i);
      assertThat(i).isLessThan(4);
    }))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("try 5 of 10")
        .hasMessageContaining("seed 1234")
        .hasMessageContaining("-Dlazaret.properties.seed=1234")
        .hasMessageContaining("input: 4")
        .cause().isInstanceOf(AssertionError.class);
  }

  @Test
  void aFailureOfSeveralInputsShowsEachAndAnyThrowableFails() {
    assertThatThrownBy(() -> Property.forAll(5, Gen.constant("a\u0000b"), Gen.constant(new byte[] {1, 2}),
        Gen.constant(3), (a, b, c) -> {
          throw new IllegalStateException("boom");
        }))
        .hasMessageContaining("try 1 of 5")
        .hasMessageContaining("input: [a\\u0000b, [1, 2], 3]")
        .hasMessageContaining("IllegalStateException: boom");
  }

  @Test
  void theSeedComesFromTheSystemPropertyWhenSet() {
    String before = System.getProperty(Property.SEED_PROPERTY);
    try {
      System.clearProperty(Property.SEED_PROPERTY);
      assertThat(Property.seed()).isEqualTo(Property.DEFAULT_SEED);
      System.setProperty(Property.SEED_PROPERTY, " 99 ");
      assertThat(Property.seed()).isEqualTo(99L);
      System.setProperty(Property.SEED_PROPERTY, "x");
      assertThatThrownBy(Property::seed).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(Property.SEED_PROPERTY);
    } finally {
      if (before == null) {
        System.clearProperty(Property.SEED_PROPERTY);
      } else {
        System.setProperty(Property.SEED_PROPERTY, before);
      }
    }
  }

  @Test
  void anInputIsShownEscapedAndCut() {
    assertThat(Property.describe("a\nb\ud83d")).isEqualTo("\"a\\u000ab\\ud83d\"");
    assertThat(Property.describe(null)).isEqualTo("null");
    String shown = Property.describe("x".repeat(10_000));
    assertThat(shown).hasSizeLessThan(Property.MAX_INPUT_CHARS + 40)
        .endsWith("... (10002 chars in all)");
  }
}
