package dev.lazaret.proxy.npm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * For the property tests of the npm parsers: what any input must lead to (a value or one of the
 * parser's documented exceptions, in bounded time), and the kinds of hostile text to feed them.
 */
final class ParseOutcomes {

  /** Far more than any parse of these inputs takes; a hang or a runaway regex exceeds it. */
  private static final Duration BOUND = Duration.ofSeconds(5);

  private ParseOutcomes() {
  }

  /**
   * Runs {@code parse}; returns its value, or empty if it threw one of {@code documented}. Any
   * other throwable (NumberFormatException, IllegalStateException, StackOverflowError...) or a
   * run longer than {@link #BOUND} fails the property.
   */
  @SafeVarargs
  static <T> Optional<T> valueOrDocumentedError(Supplier<T> parse,
      Class<? extends Throwable>... documented) {
    return assertTimeoutPreemptively(BOUND, () -> {
      try {
        return Optional.of(parse.get());
      } catch (Throwable t) {
        assertThat(List.of(documented)).as("undocumented %s", t)
            .anySatisfy(type -> assertThat(t).isInstanceOf(type));
        return Optional.empty();
      }
    });
  }

  /** Any text: every char value, control characters and unpaired surrogates included. */
  static Arbitrary<String> anyText() {
    return Arbitraries.strings().all().ofMaxLength(300);
  }

  /** Text from {@code alphabet}, short or very long. */
  static Arbitrary<String> textOf(String alphabet) {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars(alphabet).ofMaxLength(40),
        Arbitraries.strings().withChars(alphabet).ofMinLength(1000).ofMaxLength(20_000));
  }

  /** Decimal numbers from 0 to far past what a long holds. */
  static Arbitrary<String> hugeNumbers() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, Long.MAX_VALUE).map(String::valueOf),
        Arbitraries.bigIntegers().between(java.math.BigInteger.ZERO,
            java.math.BigInteger.TEN.pow(40)).map(String::valueOf),
        Arbitraries.of("9007199254740991", "9007199254740992", "9223372036854775807",
            "9223372036854775808", "18446744073709551616"));
  }
}
