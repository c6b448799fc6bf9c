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

/** {@link PackageName#parse}: any text gives a name or an IllegalArgumentException. */
class PackageNamePropertiesTest {

  private static final String NAME_CHARS = "abcxyzAZ09._~-";

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(ParseOutcomes.anyText(), ParseOutcomes.textOf(NAME_CHARS + "@/%"),
        names().map(PackageName::toString).map(n -> n + "\u0000"),
        names().map(n -> "@" + n));
  }

  /** Valid names, scoped or not, up to npm's length limit. */
  @Provide
  Arbitrary<PackageName> names() {
    Arbitrary<String> part = Combinators.combine(
        Arbitraries.strings().withChars("abcxyzAZ09~-").ofLength(1),
        Arbitraries.strings().withChars(NAME_CHARS).ofMaxLength(100))
        .as((first, rest) -> first + rest);
    Arbitrary<String> scope = Arbitraries.oneOf(part, Arbitraries.just(null));
    return Combinators.combine(scope, part).as(PackageName::new)
        .filter(n -> n.toString().length() <= PackageName.MAX_LENGTH);
  }

  @Property(tries = 2000)
  void anyTextIsANameOrAnIllegalArgument(@ForAll("texts") String text) {
    Optional<PackageName> name = valueOrDocumentedError(() -> PackageName.parse(text),
        IllegalArgumentException.class);
    // A name is accepted exactly as written: no decoding, trimming or case folding.
    name.ifPresent(n -> assertThat(n.toString()).isEqualTo(text));
    name.ifPresent(n -> assertThat(text.length()).isLessThanOrEqualTo(PackageName.MAX_LENGTH));
  }

  @Property(tries = 1000)
  void anyTwoPartsAreANameOrAnIllegalArgument(@ForAll("texts") String scope,
      @ForAll("texts") String bare) {
    valueOrDocumentedError(() -> new PackageName(scope, bare), IllegalArgumentException.class);
  }

  @Property(tries = 1000)
  void aNameParsesBackFromHowItIsWritten(@ForAll("names") PackageName name) {
    assertThat(PackageName.parse(name.toString())).isEqualTo(name);
  }

  @Property(tries = 500)
  void aMessageEchoesNoControlCharacterAndStaysShort(@ForAll("texts") String text) {
    String printable = PackageName.printable(text);
    assertThat(printable).doesNotContainPattern("\\p{Cntrl}");
    assertThat(printable.length()).isLessThanOrEqualTo(83);
  }
}
