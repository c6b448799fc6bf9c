package dev.lazaret.proxy.npm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.lazaret.proxy.testing.Gen;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

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
  static Gen<String> anyText() {
    return Gen.strings(300);
  }

  /** Text from {@code alphabet}, short or very long. */
  static Gen<String> textOf(String alphabet) {
    return Gen.oneOf(
        Gen.strings(alphabet, 40),
        Gen.strings(alphabet, 1000, 20_000));
  }

  /** Decimal numbers from 0 to far past what a long holds. */
  static Gen<String> hugeNumbers() {
    return Gen.oneOf(
        Gen.longs(0, Long.MAX_VALUE).map(String::valueOf),
        Gen.bigIntegers(BigInteger.ZERO, BigInteger.TEN.pow(40)).map(String::valueOf),
        Gen.of("9007199254740991", "9007199254740992", "9223372036854775807",
            "9223372036854775808", "18446744073709551616"));
  }
}
