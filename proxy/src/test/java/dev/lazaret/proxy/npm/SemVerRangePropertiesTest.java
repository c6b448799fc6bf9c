package dev.lazaret.proxy.npm;

import static dev.lazaret.proxy.npm.ParseOutcomes.valueOrDocumentedError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link SemVerRange}, {@link RangeSugar} and {@link RangeComparator}: any text is a range or an
 * IllegalArgumentException; a range never throws when asked about a version; each shorthand
 * admits the version it is written around.
 */
class SemVerRangePropertiesTest {

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> number = ParseOutcomes.hugeNumbers();
    Arbitrary<String> version = Combinators.combine(number, number, number,
        Arbitraries.of("", "-rc.1", "+b", "-0", ".x", "")).as((a, b, c, t) -> a + "." + b + "." + c + t);
    Arbitrary<String> token = Arbitraries.oneOf(version, number,
        Combinators.combine(Arbitraries.of("^", "~", "~>", ">=", "<=", ">", "<", "=", ""),
            version).as((op, v) -> op + v),
        Arbitraries.of("||", "-", "*", "x", "1.x", ">= 1", "^ 2", "\u2028", "\u0085", "\n"));
    return Arbitraries.oneOf(ParseOutcomes.anyText(),
        ParseOutcomes.textOf("0123456789.-+^~<>=|xX* \t\u2028\u0085"),
        token.list().ofMaxSize(8).map(ts -> String.join(" ", ts)));
  }

  @Provide
  Arbitrary<SemVer> releases() {
    return new SemVerPropertiesTest().versions().map(v -> new SemVer(v.major(), v.minor(),
        v.patch(), ""));
  }

  @Provide
  Arbitrary<SemVer> versions() {
    return new SemVerPropertiesTest().versions();
  }

  @Property(tries = 1500)
  void anyTextIsARangeOrAnIllegalArgument(@ForAll("texts") String text,
      @ForAll boolean includePrerelease, @ForAll("versions") SemVer probe) {
    Optional<SemVerRange> range = valueOrDocumentedError(
        () -> SemVerRange.parse(text, includePrerelease), IllegalArgumentException.class);
    assertThat(valueOrDocumentedError(() -> SemVerRange.tryParse(text, includePrerelease))
        .orElseThrow().isPresent()).isEqualTo(range.isPresent());
    range.ifPresent(r -> {
      valueOrDocumentedError(() -> r.includes(probe));
      valueOrDocumentedError(() -> r.includes(text));
      assertThat(r.toString()).isEqualTo(text);
    });
  }

  @Property(tries = 2000)
  void everyShorthandAdmitsTheVersionItIsWrittenAround(@ForAll("releases") SemVer v,
      @ForAll boolean includePrerelease) {
    String written = v.major() + "." + v.minor() + "." + v.patch();
    for (String range : List.of(written, "=" + written, "^" + written, "~" + written,
        ">=" + written, "<=" + written, written + " - " + written, v.major() + ".x",
        v.major() + "." + v.minor() + ".x", "^" + v.major(), "~" + v.major() + "." + v.minor(),
        "<=" + v.major(), ">=" + v.major() + "." + v.minor(), "*", "")) {
      assertThat(SemVerRange.parse(range, includePrerelease).includes(v))
          .as("%s includes %s", range, written).isTrue();
    }
    for (String range : List.of(">" + written, "<" + written, ">" + v.major() + ".x")) {
      assertThat(SemVerRange.parse(range, includePrerelease).includes(v))
          .as("%s excludes %s", range, written).isFalse();
    }
  }

  @Property(tries = 2000)
  void aComparatorReadsBackFromHowItIsWritten(@ForAll("versions") SemVer v,
      @ForAll RangeComparator.Operator operator) {
    RangeComparator c = new RangeComparator(operator, v);
    String written = c.toString();
    String symbol = written.substring(0, written.length() - versionText(v).length());
    PartialVersion partial = PartialVersion.parse(versionText(v)).orElseThrow();
    assertThat(RangeSugar.expand(symbol, partial, false)).containsExactly(c);
  }

  private static String versionText(SemVer v) {
    return v.major() + "." + v.minor() + "." + v.patch()
        + (v.isPrerelease() ? "-" + v.prerelease() : "");
  }
}
