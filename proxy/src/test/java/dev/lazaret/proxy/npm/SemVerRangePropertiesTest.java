package dev.lazaret.proxy.npm;

import static dev.lazaret.proxy.npm.ParseOutcomes.valueOrDocumentedError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.proxy.testing.Gen;
import dev.lazaret.proxy.testing.Property;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link SemVerRange}, {@link RangeSugar} and {@link RangeComparator}: any text is a range or an
 * IllegalArgumentException; a range never throws when asked about a version; each shorthand
 * admits the version it is written around.
 */
class SemVerRangePropertiesTest {

  static Gen<String> texts() {
    Gen<String> number = ParseOutcomes.hugeNumbers();
    Gen<String> tail = Gen.of("", "-rc.1", "+b", "-0", ".x", "");
    Gen<String> version = random -> number.next(random) + "." + number.next(random) + "."
        + number.next(random) + tail.next(random);
    Gen<String> operator = Gen.of("^", "~", "~>", ">=", "<=", ">", "<", "=", "");
    Gen<String> token = Gen.oneOf(version, number,
        random -> operator.next(random) + version.next(random),
        Gen.of("||", "-", "*", "x", "1.x", ">= 1", "^ 2", "\u2028", "\u0085", "\n"));
    return Gen.oneOf(ParseOutcomes.anyText(),
        ParseOutcomes.textOf("0123456789.-+^~<>=|xX* \t\u2028\u0085"),
        token.list(8).map(ts -> String.join(" ", ts)));
  }

  static Gen<SemVer> releases() {
    return SemVerPropertiesTest.versions().map(v -> new SemVer(v.major(), v.minor(),
        v.patch(), ""));
  }

  @Test
  void anyTextIsARangeOrAnIllegalArgument() {
    Property.forAll(1500, texts(), Gen.booleans(), SemVerPropertiesTest.versions(),
        (text, includePrerelease, probe) -> {
          Optional<SemVerRange> range = valueOrDocumentedError(
              () -> SemVerRange.parse(text, includePrerelease), IllegalArgumentException.class);
          assertThat(valueOrDocumentedError(() -> SemVerRange.tryParse(text, includePrerelease))
              .orElseThrow().isPresent()).isEqualTo(range.isPresent());
          range.ifPresent(r -> {
            valueOrDocumentedError(() -> r.includes(probe));
            valueOrDocumentedError(() -> r.includes(text));
            assertThat(r.toString()).isEqualTo(text);
          });
        });
  }

  @Test
  void everyShorthandAdmitsTheVersionItIsWrittenAround() {
    Property.forAll(2000, releases(), Gen.booleans(), (v, includePrerelease) -> {
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
    });
  }

  @Test
  void aComparatorReadsBackFromHowItIsWritten() {
    Property.forAll(2000, SemVerPropertiesTest.versions(),
        Gen.of(RangeComparator.Operator.values()), (v, operator) -> {
          RangeComparator c = new RangeComparator(operator, v);
          String written = c.toString();
          String symbol = written.substring(0, written.length() - versionText(v).length());
          PartialVersion partial = PartialVersion.parse(versionText(v)).orElseThrow();
          assertThat(RangeSugar.expand(symbol, partial, false)).containsExactly(c);
        });
  }

  private static String versionText(SemVer v) {
    return v.major() + "." + v.minor() + "." + v.patch()
        + (v.isPrerelease() ? "-" + v.prerelease() : "");
  }
}
