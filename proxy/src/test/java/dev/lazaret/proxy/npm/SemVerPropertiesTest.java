package dev.lazaret.proxy.npm;

import static dev.lazaret.proxy.npm.ParseOutcomes.valueOrDocumentedError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.proxy.testing.Gen;
import dev.lazaret.proxy.testing.Property;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link SemVer#parse}: never throws; what it reads it reads back; its order is an order. */
class SemVerPropertiesTest {

  private static final long MAX_NUMBER = SemVer.MAX_NUMBER;

  static Gen<String> texts() {
    Gen<String> number = ParseOutcomes.hugeNumbers();
    Gen<String> tail = Gen.of("", "-rc.1", "+b", "-0");
    return Gen.oneOf(ParseOutcomes.anyText(),
        ParseOutcomes.textOf("0123456789.-+vxX*abz \t\n"),
        random -> number.next(random) + "." + number.next(random) + "." + number.next(random)
            + tail.next(random));
  }

  /** Valid versions: small or huge numbers, with or without a prerelease. */
  static Gen<SemVer> versions() {
    Gen<Long> number = Gen.oneOf(Gen.longs(0, 20), Gen.longs(0, MAX_NUMBER));
    Gen<String> identifier = Gen.oneOf(
        Gen.longs(0, MAX_NUMBER).map(String::valueOf),
        Gen.strings("abzAZ09-", 1, 8).filter(s -> !s.matches("0\\d+")));
    Gen<String> prerelease = Gen.oneOf(Gen.constant(""),
        identifier.list(1, 4).map(ids -> String.join(".", ids)));
    return random -> new SemVer(number.next(random), number.next(random), number.next(random),
        prerelease.next(random));
  }

  static Gen<String> builds() {
    return Gen.of("", "+build", "+sha.5114f85", "+001");
  }

  @Test
  void anyTextIsAVersionOrEmptyNeverAnException() {
    Property.forAll(3000, texts(), text -> {
      Optional<Optional<SemVer>> parsed = valueOrDocumentedError(() -> SemVer.parse(text));
      assertThat(parsed).isPresent();
      parsed.get().ifPresent(v -> {
        assertThat(v.major()).isBetween(0L, MAX_NUMBER);
        assertThat(v.minor()).isBetween(0L, MAX_NUMBER);
        assertThat(v.patch()).isBetween(0L, MAX_NUMBER);
      });
    });
  }

  @Test
  void aVersionParsesBackFromHowItIsWritten() {
    Property.forAll(2000, versions(), builds(), (v, build) -> {
      String written = v.major() + "." + v.minor() + "." + v.patch()
          + (v.isPrerelease() ? "-" + v.prerelease() : "") + build;
      assertThat(SemVer.parse(written)).contains(v);
      assertThat(SemVer.parse("v" + written)).contains(v);
    });
  }

  @Test
  void theOrderIsAntisymmetricAndConsistentWithEquals() {
    Property.forAll(2000, versions(), versions(), (a, b) -> {
      assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
      assertThat(a.compareTo(a)).isZero();
      if (a.compareTo(b) == 0) {
        assertThat(a).isEqualTo(b);
      }
    });
  }

  @Test
  void theOrderIsTransitive() {
    Property.forAll(1000, versions(), versions(), versions(), (a, b, c) -> {
      if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
        assertThat(a.compareTo(c)).isNotPositive();
      }
    });
  }
}
