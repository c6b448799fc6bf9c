package dev.lazaret.proxy.testing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of test inputs for {@link Property}: one value from a {@link SplittableRandom}, the
 * same value for the same random state. Any lambda {@code random -> ...} is a generator, which is
 * how generators are combined: {@code random -> a.next(random) + "." + b.next(random)}.
 *
 * <p>Numbers, sizes and lengths favour their edges (bounds, zero, empty), where parsers break.
 */
@FunctionalInterface
public interface Gen<T> {

  /** How many values {@link #filter} draws before it gives up on a too narrow predicate. */
  int FILTER_ATTEMPTS = 10_000;

  /** One value, drawn from {@code random}. */
  T next(SplittableRandom random);

  /** This generator's values passed through {@code f}. */
  default <R> Gen<R> map(Function<? super T, ? extends R> f) {
    return random -> f.apply(next(random));
  }

  /** A generator chosen by this one's value, then drawn from. */
  default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> f) {
    return random -> f.apply(next(random)).next(random);
  }

  /** This generator's values that {@code keep} accepts; fails if it rejects nearly all. */
  default Gen<T> filter(Predicate<? super T> keep) {
    return random -> {
      for (int i = 0; i < FILTER_ATTEMPTS; i++) {
        T value = next(random);
        if (keep.test(value)) {
          return value;
        }
      }
      throw new IllegalStateException("filter rejected " + FILTER_ATTEMPTS + " values in a row");
    };
  }

  /** Lists of this generator's values, up to {@code maxSize} long. */
  default Gen<List<T>> list(int maxSize) {
    return list(0, maxSize);
  }

  /** Lists of this generator's values, {@code minSize} to {@code maxSize} long. */
  default Gen<List<T>> list(int minSize, int maxSize) {
    Gen<Integer> sizes = sizes(minSize, maxSize);
    return random -> {
      int size = sizes.next(random);
      List<T> list = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        list.add(next(random));
      }
      return list;
    };
  }

  /** Always {@code value} ({@code null} allowed). */
  static <T> Gen<T> constant(T value) {
    return random -> value;
  }

  /** One of {@code values}, each as likely. */
  @SafeVarargs
  static <T> Gen<T> of(T... values) {
    return of(List.of(values));
  }

  /** One of {@code values}, each as likely. */
  static <T> Gen<T> of(List<? extends T> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values to choose from");
    }
    List<? extends T> copy = List.copyOf(values);
    return random -> copy.get(random.nextInt(copy.size()));
  }

  /** A value of one of {@code gens}, each as likely. */
  @SafeVarargs
  static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    if (gens.length == 0) {
      throw new IllegalArgumentException("no generators to choose from");
    }
    List<Gen<? extends T>> copy = List.of(gens);
    return random -> copy.get(random.nextInt(copy.size())).next(random);
  }

  /** A generator with its weight, for {@link #frequency}. */
  record Weighted<T>(int weight, Gen<? extends T> gen) {

    /** Checks the weight is positive. */
    public Weighted {
      if (weight <= 0) {
        throw new IllegalArgumentException("weight must be positive: " + weight);
      }
      Objects.requireNonNull(gen, "gen");
    }
  }

  /** {@code gen} with {@code weight}, for {@link #frequency}. */
  static <T> Weighted<T> weighted(int weight, Gen<? extends T> gen) {
    return new Weighted<>(weight, gen);
  }

  /** A value of one of {@code choices}, picked in proportion to their weights. */
  @SafeVarargs
  static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
    List<Weighted<? extends T>> copy = List.of(choices);
    int total = copy.stream().mapToInt(Weighted::weight).sum();
    if (total <= 0) {
      throw new IllegalArgumentException("no generators to choose from");
    }
    return random -> {
      int ticket = random.nextInt(total);
      for (Weighted<? extends T> choice : copy) {
        ticket -= choice.weight();
        if (ticket < 0) {
          return choice.gen().next(random);
        }
      }
      throw new AssertionError("unreachable: ticket beyond the total weight");
    };
  }

  /** {@code true} or {@code false}. */
  static Gen<Boolean> booleans() {
    return SplittableRandom::nextBoolean;
  }

  /** Any int, often 0, ±1 or a bound. */
  static Gen<Integer> integers() {
    return integers(Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /** Ints from {@code min} to {@code max} inclusive, often a bound or 0. */
  static Gen<Integer> integers(int min, int max) {
    return longs(min, max).map(Long::intValue);
  }

  /** Longs from {@code min} to {@code max} inclusive, often a bound, 0 or ±1 when in range. */
  static Gen<Long> longs(long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException("empty range " + min + ".." + max);
    }
    List<Long> edges = new ArrayList<>(List.of(min, max));
    for (long special : new long[] {0, 1, -1}) {
      if (special >= min && special <= max) {
        edges.add(special);
      }
    }
    Gen<Long> edge = of(edges);
    return random -> {
      if (random.nextInt(8) == 0) {
        return edge.next(random);
      }
      if (max < Long.MAX_VALUE) {
        return random.nextLong(min, max + 1);
      }
      if (min > Long.MIN_VALUE) {
        return random.nextLong(min - 1, max) + 1;
      }
      return random.nextLong();
    };
  }

  /**
   * Finite doubles: two-decimal numbers of every magnitude, arbitrary bit patterns, and edges
   * (0, -0.0, ±1, the smallest and largest magnitudes). No NaN or infinity: JSON has none.
   */
  static Gen<Double> doubles() {
    Gen<Double> edge = of(0.0, -0.0, 1.0, -1.0, Double.MIN_VALUE, -Double.MIN_VALUE,
        Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE);
    Gen<Double> decimal = random -> Math.round(random.nextDouble(-1e6, 1e6) * 100) / 100.0;
    Gen<Double> bits = random -> {
      double d;
      do {
        d = Double.longBitsToDouble(random.nextLong());
      } while (!Double.isFinite(d));
      return d;
    };
    return frequency(weighted(1, edge), weighted(2, decimal), weighted(2, bits));
  }

  /** BigIntegers from {@code min} to {@code max} inclusive, often a bound or 0. */
  static Gen<BigInteger> bigIntegers(BigInteger min, BigInteger max) {
    BigInteger span = max.subtract(min);
    if (span.signum() < 0) {
      throw new IllegalArgumentException("empty range " + min + ".." + max);
    }
    List<BigInteger> edges = new ArrayList<>(List.of(min, max));
    if (min.signum() <= 0 && max.signum() >= 0) {
      edges.add(BigInteger.ZERO);
    }
    Gen<BigInteger> edge = of(edges);
    int bits = span.bitLength();
    return random -> {
      if (random.nextInt(8) == 0) {
        return edge.next(random);
      }
      // Uniform over the span: draw that many bits, redraw the (< half) that overshoot.
      BigInteger offset;
      do {
        offset = randomBits(random, bits);
      } while (offset.compareTo(span) > 0);
      return min.add(offset);
    };
  }

  /** Byte arrays up to {@code maxLength} long, any byte values. */
  static Gen<byte[]> bytes(int maxLength) {
    Gen<Integer> lengths = sizes(0, maxLength);
    return random -> {
      byte[] bytes = new byte[lengths.next(random)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) random.nextInt(256);
      }
      return bytes;
    };
  }

  /**
   * Any code point a Java string can hold: ASCII (controls included), any BMP char, C1 controls
   * and Unicode separators, unpaired surrogate halves, and supplementary code points.
   */
  static Gen<Integer> anyCodePoint() {
    Gen<Integer> oddities = of(0x00, 0x09, 0x0a, 0x0d, 0x1b, 0x7f, 0x80, 0x85, 0x9f, 0xa0, 0xad,
        0x2028, 0x2029, 0x200b, 0x202e, 0xfeff, 0xfffd, 0xfffe, 0xffff);
    return frequency(
        weighted(3, integers(0, 0x7f)),
        weighted(2, integers(Character.MIN_VALUE, Character.MAX_VALUE)),
        weighted(1, oddities),
        weighted(1, integers(Character.MIN_SURROGATE, Character.MAX_SURROGATE)),
        weighted(1, integers(Character.MIN_SUPPLEMENTARY_CODE_POINT, Character.MAX_CODE_POINT)));
  }

  /** Any text up to {@code maxLength} chars: see {@link #anyCodePoint()}. */
  static Gen<String> strings(int maxLength) {
    return strings(0, maxLength);
  }

  /** Any text of {@code minLength} to {@code maxLength} chars: see {@link #anyCodePoint()}. */
  static Gen<String> strings(int minLength, int maxLength) {
    return strings(anyCodePoint(), minLength, maxLength);
  }

  /** Text of the chars of {@code alphabet}, up to {@code maxLength} long. */
  static Gen<String> strings(String alphabet, int maxLength) {
    return strings(alphabet, 0, maxLength);
  }

  /** Text of the chars of {@code alphabet}, {@code minLength} to {@code maxLength} long. */
  static Gen<String> strings(String alphabet, int minLength, int maxLength) {
    if (alphabet.isEmpty()) {
      throw new IllegalArgumentException("empty alphabet");
    }
    return strings(random -> (int) alphabet.charAt(random.nextInt(alphabet.length())), minLength,
        maxLength);
  }

  /** Text of the chars {@code from} to {@code to} inclusive, up to {@code maxLength} long. */
  static Gen<String> strings(char from, char to, int maxLength) {
    return strings(integers(from, to), 0, maxLength);
  }

  /**
   * Text of {@code codePoints}, {@code minLength} to {@code maxLength} chars long (UTF-16 units,
   * as {@link String#length()} counts). A supplementary code point with no room left for its
   * pair is written as its lone high surrogate.
   */
  static Gen<String> strings(Gen<Integer> codePoints, int minLength, int maxLength) {
    Gen<Integer> lengths = sizes(minLength, maxLength);
    return random -> {
      int length = lengths.next(random);
      StringBuilder text = new StringBuilder(length);
      while (text.length() < length) {
        int codePoint = codePoints.next(random);
        if (Character.charCount(codePoint) > length - text.length()) {
          text.append(Character.highSurrogate(codePoint));
        } else {
          text.appendCodePoint(codePoint);
        }
      }
      return text.toString();
    };
  }

  /** Maps of up to {@code maxSize} distinct keys, in insertion order. */
  static <K, V> Gen<Map<K, V>> maps(Gen<? extends K> keys, Gen<? extends V> values, int maxSize) {
    Gen<Integer> sizes = sizes(0, maxSize);
    return random -> {
      int size = sizes.next(random);
      Map<K, V> map = new LinkedHashMap<>();
      // Keys may repeat; a narrow key generator just yields a smaller map.
      for (int attempt = 0; map.size() < size && attempt < size * 10; attempt++) {
        map.put(keys.next(random), values.next(random));
      }
      return map;
    };
  }

  /** Sizes from {@code min} to {@code max}: often a bound, else any in between. */
  static Gen<Integer> sizes(int min, int max) {
    if (min < 0 || min > max) {
      throw new IllegalArgumentException("bad size range " + min + ".." + max);
    }
    return random -> switch (random.nextInt(16)) {
      case 0 -> min;
      case 1 -> max;
      default -> random.nextInt(min, max + 1);
    };
  }

  private static BigInteger randomBits(SplittableRandom random, int bits) {
    byte[] bytes = new byte[(bits + 7) / 8 + 1];
    for (int i = 1; i < bytes.length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    // bytes[0] stays 0: the number is non-negative. Clear the bits above the span's length.
    return new BigInteger(bytes).and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
  }
}
