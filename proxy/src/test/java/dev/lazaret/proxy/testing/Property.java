package dev.lazaret.proxy.testing;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Runs a property: a check over a fixed number of inputs drawn from {@link Gen generators}. The
 * inputs come from a seed, fixed by default so CI runs the same inputs every time; set
 * {@value #SEED_PROPERTY} to explore others. A failure names the seed, the try and the input, so
 * it can be run again exactly. No shrinking: the failing input is reported as drawn.
 */
public final class Property {

  /** The system property that replaces {@link #DEFAULT_SEED}. */
  public static final String SEED_PROPERTY = "lazaret.properties.seed";

  /** The seed every run uses unless {@value #SEED_PROPERTY} says otherwise. */
  public static final long DEFAULT_SEED = 0x1a2a7e7L;

  /** A failure message shows this much of the input, enough to read, never a flood. */
  static final int MAX_INPUT_CHARS = 2_000;

  private Property() {
  }

  /** A check of one input; throwing anything fails the property. */
  @FunctionalInterface
  public interface Check<T> {
    /** Checks {@code value}. */
    void accept(T value) throws Throwable;
  }

  /** A check of two inputs. */
  @FunctionalInterface
  public interface Check2<A, B> {
    /** Checks {@code a} with {@code b}. */
    void accept(A a, B b) throws Throwable;
  }

  /** A check of three inputs. */
  @FunctionalInterface
  public interface Check3<A, B, C> {
    /** Checks {@code a}, {@code b} and {@code c} together. */
    void accept(A a, B b, C c) throws Throwable;
  }

  /** Runs {@code check} on {@code tries} values of {@code gen}, from the configured seed. */
  public static <T> void forAll(int tries, Gen<T> gen, Check<? super T> check) {
    forAll(seed(), tries, gen, check);
  }

  /** Runs {@code check} on {@code tries} pairs of values of {@code a} and {@code b}. */
  public static <A, B> void forAll(int tries, Gen<A> a, Gen<B> b,
      Check2<? super A, ? super B> check) {
    forAll(tries, random -> new Object[] {a.next(random), b.next(random)},
        args -> check.accept(cast(args[0]), cast(args[1])));
  }

  /** Runs {@code check} on {@code tries} triples of values of {@code a}, {@code b} and {@code c}. */
  public static <A, B, C> void forAll(int tries, Gen<A> a, Gen<B> b, Gen<C> c,
      Check3<? super A, ? super B, ? super C> check) {
    forAll(tries, random -> new Object[] {a.next(random), b.next(random), c.next(random)},
        args -> check.accept(cast(args[0]), cast(args[1]), cast(args[2])));
  }

  /**
   * Runs {@code check} on {@code tries} values of {@code gen} drawn from {@code seed}. Try
   * {@code i} draws from the {@code i}-th split of the seed's random, so its input does not depend
   * on how much earlier tries consumed.
   *
   * @throws AssertionError naming the seed, the try and the input, caused by the check's failure
   */
  public static <T> void forAll(long seed, int tries, Gen<T> gen, Check<? super T> check) {
    if (tries <= 0) {
      throw new IllegalArgumentException("tries must be positive: " + tries);
    }
    SplittableRandom seeds = new SplittableRandom(seed);
    for (int attempt = 1; attempt <= tries; attempt++) {
      SplittableRandom random = seeds.split();
      T input = gen.next(random);
      try {
        check.accept(input);
      } catch (Throwable failure) {
        throw new AssertionError("property failed at try " + attempt + " of " + tries + " with seed "
            + seed + " (rerun: -D" + SEED_PROPERTY + "=" + seed + ")\n  input: " + describe(input)
            + "\n  failure: " + failure, failure);
      }
    }
  }

  /** The seed from {@value #SEED_PROPERTY}, else {@link #DEFAULT_SEED}. */
  public static long seed() {
    String configured = System.getProperty(SEED_PROPERTY);
    if (configured == null || configured.isBlank()) {
      return DEFAULT_SEED;
    }
    try {
      return Long.parseLong(configured.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(SEED_PROPERTY + " must be a long, not " + configured, e);
    }
  }

  /**
   * An input as a failure message shows it: arrays by their elements, control characters,
   * surrogates and other invisibles escaped as backslash-u, at most {@link #MAX_INPUT_CHARS}.
   */
  static String describe(Object input) {
    String text = switch (input) {
      case null -> "null";
      case Object[] args -> Arrays.deepToString(args);
      case byte[] bytes -> Arrays.toString(bytes);
      case String s -> '"' + s + '"';
      default -> String.valueOf(input);
    };
    StringBuilder out = new StringBuilder();
    int i = 0;
    for (; i < text.length() && out.length() < MAX_INPUT_CHARS; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    if (i < text.length()) {
      out.append("... (").append(text.length()).append(" chars in all)");
    }
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object value) {
    return (T) value;
  }
}
