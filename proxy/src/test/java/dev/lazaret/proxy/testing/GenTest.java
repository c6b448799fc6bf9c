package dev.lazaret.proxy.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link Gen}: values within their bounds, the edges reached, the same values for one seed. */
class GenTest {

  private static final int DRAWS = 5_000;

  @Test
  void theSameSeedDrawsTheSameValues() {
    Gen<String> gen = Gen.strings(50);
    assertThat(draw(gen, 42, 200)).isEqualTo(draw(gen, 42, 200));
    assertThat(draw(gen, 42, 200)).isNotEqualTo(draw(gen, 43, 200));
  }

  @Test
  void integersStayInTheirRangeAndReachBothBounds() {
    List<Integer> values = draw(Gen.integers(-3, 7), 1, DRAWS);
    assertThat(values).allSatisfy(v -> assertThat(v).isBetween(-3, 7));
    assertThat(new HashSet<>(values)).containsAll(IntStream.rangeClosed(-3, 7).boxed().toList());
    assertThat(draw(Gen.integers(), 1, DRAWS))
        .contains(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, 1, -1);
  }

  @Test
  void longsReachTheirBoundsEvenAtTheEndsOfLong() {
    assertThat(draw(Gen.longs(0, Long.MAX_VALUE), 1, DRAWS))
        .allSatisfy(v -> assertThat(v).isNotNegative()).contains(0L, Long.MAX_VALUE);
    assertThat(draw(Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE), 1, DRAWS))
        .contains(Long.MIN_VALUE, Long.MAX_VALUE);
    assertThat(draw(Gen.longs(5, 5), 1, 10)).containsOnly(5L);
    assertThatThrownBy(() -> Gen.longs(2, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bigIntegersStayInTheirRangeAndReachBothBounds() {
    BigInteger max = BigInteger.TEN.pow(40);
    List<BigInteger> values = draw(Gen.bigIntegers(max.negate(), max), 1, DRAWS);
    assertThat(values).allSatisfy(v -> assertThat(v.abs()).isLessThanOrEqualTo(max))
        .contains(max, max.negate(), BigInteger.ZERO);
    // Uniform over the span: most values are as long as the bound.
    assertThat(values.stream().filter(v -> v.abs().bitLength() > 120).count())
        .isGreaterThan(DRAWS / 2);
  }

  @Test
  void doublesAreFiniteAndReachTheEdges() {
    List<Double> values = draw(Gen.doubles(), 1, DRAWS);
    assertThat(values).allSatisfy(d -> assertThat(Double.isFinite(d)).isTrue())
        .contains(0.0, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE);
  }

  @Test
  void stringsKeepTheirLengthsAndAlphabet() {
    assertThat(draw(Gen.strings("ab", 2, 5), 1, DRAWS))
        .allSatisfy(s -> assertThat(s).hasSizeBetween(2, 5).matches("[ab]*"))
        .contains("aa", "bbbbb");
    assertThat(draw(Gen.strings('a', 'c', 3), 1, DRAWS))
        .allSatisfy(s -> assertThat(s).hasSizeLessThanOrEqualTo(3).matches("[abc]*"))
        .contains("", "abc");
  }

  @Test
  void anyTextHoldsControlsSurrogatesAndSupplementaryCodePoints() {
    List<String> values = draw(Gen.strings(300), 1, 500);
    assertThat(values).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(300))
        .contains("");
    String all = String.join("", values);
    assertThat(all.chars().filter(Character::isISOControl).count()).isPositive();
    assertThat(all.chars().filter(c -> c == 0x2028 || c == 0x85).count()).isPositive();
    assertThat(all.codePoints().filter(Character::isSupplementaryCodePoint).count()).isPositive();
    // Unpaired halves too: code points that are themselves surrogates.
    assertThat(all.codePoints().filter(c -> c >= Character.MIN_SURROGATE
        && c <= Character.MAX_SURROGATE).count()).isPositive();
  }

  @Test
  void listsMapsAndBytesKeepTheirSizes() {
    assertThat(draw(Gen.integers(0, 9).list(1, 4), 1, DRAWS))
        .allSatisfy(l -> assertThat(l).hasSizeBetween(1, 4)).anySatisfy(l -> assertThat(l).hasSize(4));
    List<Map<String, Integer>> maps = draw(Gen.maps(Gen.strings("abcdefgh", 1, 3),
        Gen.integers(), 6), 1, DRAWS);
    assertThat(maps).allSatisfy(m -> assertThat(m).hasSizeLessThanOrEqualTo(6))
        .anySatisfy(m -> assertThat(m).isEmpty()).anySatisfy(m -> assertThat(m).hasSize(6));
    // A key generator with fewer values than the size asked for gives a smaller map, no hang.
    assertThat(draw(Gen.maps(Gen.of("k"), Gen.integers(), 6), 1, 100))
        .allSatisfy(m -> assertThat(m).hasSizeLessThanOrEqualTo(1));
    assertThat(draw(Gen.bytes(255), 1, DRAWS))
        .allSatisfy(b -> assertThat(b.length).isLessThanOrEqualTo(255))
        .anySatisfy(b -> assertThat(b).isEmpty()).anySatisfy(b -> assertThat(b).hasSize(255));
  }

  @Test
  void choicesReachEveryOptionInProportion() {
    assertThat(new HashSet<>(draw(Gen.of("a", "b", "c"), 1, 300))).containsOnly("a", "b", "c");
    assertThat(new HashSet<>(draw(Gen.oneOf(Gen.constant(1), Gen.constant(2)), 1, 300)))
        .containsOnly(1, 2);
    List<String> weighted = draw(Gen.frequency(Gen.weighted(9, Gen.constant("often")),
        Gen.weighted(1, Gen.constant("rare"))), 1, DRAWS);
    long rare = weighted.stream().filter("rare"::equals).count();
    assertThat(rare).isBetween(DRAWS / 20L, DRAWS / 5L);
    assertThatThrownBy(() -> Gen.weighted(0, Gen.constant(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mapFlatMapAndFilterCompose() {
    Gen<String> lengths = Gen.integers(0, 3).flatMap(n -> Gen.strings("x", n, n))
        .map(s -> s + "!");
    assertThat(new HashSet<>(draw(lengths, 1, 300))).containsOnly("!", "x!", "xx!", "xxx!");
    assertThat(draw(Gen.integers(0, 100).filter(i -> i % 2 == 0), 1, 300))
        .allSatisfy(i -> assertThat(i % 2).isZero());
    assertThatThrownBy(() -> Gen.constant(1).filter(i -> false).next(new SplittableRandom(1)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("filter rejected");
  }

  static <T> List<T> draw(Gen<T> gen, long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    return IntStream.range(0, count).mapToObj(i -> gen.next(random)).toList();
  }

  @Test
  void booleansGiveBoth() {
    Set<Boolean> seen = new HashSet<>(draw(Gen.booleans(), 1, 100));
    assertThat(seen).containsOnly(true, false);
  }
}
