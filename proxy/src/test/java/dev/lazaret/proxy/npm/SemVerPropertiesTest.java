package dev.lazaret.proxy.npm;

import static dev.lazaret.proxy.npm.ParseOutcomes.valueOrDocumentedError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link SemVer#parse}: never throws; what it reads it reads back; its order is an order. */
class SemVerPropertiesTest {

  private static final long MAX_NUMBER = SemVer.MAX_NUMBER;

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> number = ParseOutcomes.hugeNumbers();
    return Arbitraries.oneOf(ParseOutcomes.anyText(),
        ParseOutcomes.textOf("0123456789.-+vxX*abz \t\n"),
        Combinators.combine(number, number, number, Arbitraries.of("", "-rc.1", "+b", "-0"))
            .as((a, b, c, tail) -> a + "." + b + "." + c + tail));
  }

  @Provide
  Arbitrary<SemVer> versions() {
    Arbitrary<Long> number = Arbitraries.oneOf(Arbitraries.longs().between(0, 20),
        Arbitraries.longs().between(0, MAX_NUMBER));
    Arbitrary<String> identifier = Arbitraries.oneOf(
        Arbitraries.longs().between(0, MAX_NUMBER).map(String::valueOf),
        Arbitraries.strings().withChars("abzAZ09-").ofMinLength(1).ofMaxLength(8)
            .filter(s -> !s.matches("0\\d+")));
    Arbitrary<String> prerelease = Arbitraries.oneOf(Arbitraries.just(""),
        identifier.list().ofMinSize(1).ofMaxSize(4).map(ids -> String.join(".", ids)));
    return Combinators.combine(number, number, number, prerelease).as(SemVer::new);
  }

  @Property(tries = 3000)
  void anyTextIsAVersionOrEmptyNeverAnException(@ForAll("texts") String text) {
    Optional<Optional<SemVer>> parsed = valueOrDocumentedError(() -> SemVer.parse(text));
    assertThat(parsed).isPresent();
    parsed.get().ifPresent(v -> {
      assertThat(v.major()).isBetween(0L, MAX_NUMBER);
      assertThat(v.minor()).isBetween(0L, MAX_NUMBER);
      assertThat(v.patch()).isBetween(0L, MAX_NUMBER);
    });
  }

  @Property(tries = 2000)
  void aVersionParsesBackFromHowItIsWritten(@ForAll("versions") SemVer v,
      @ForAll("builds") String build) {
    String written = v.major() + "." + v.minor() + "." + v.patch()
        + (v.isPrerelease() ? "-" + v.prerelease() : "") + build;
    assertThat(SemVer.parse(written)).contains(v);
    assertThat(SemVer.parse("v" + written)).contains(v);
  }

  @Provide
  Arbitrary<String> builds() {
    return Arbitraries.of("", "+build", "+sha.5114f85", "+001");
  }

  @Property(tries = 2000)
  void theOrderIsAntisymmetricAndConsistentWithEquals(@ForAll("versions") SemVer a,
      @ForAll("versions") SemVer b) {
    assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
    assertThat(a.compareTo(a)).isZero();
    if (a.compareTo(b) == 0) {
      assertThat(a).isEqualTo(b);
    }
  }

  @Property(tries = 1000)
  void theOrderIsTransitive(@ForAll("versions") SemVer a, @ForAll("versions") SemVer b,
      @ForAll("versions") SemVer c) {
    if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
      assertThat(a.compareTo(c)).isNotPositive();
    }
  }
}
