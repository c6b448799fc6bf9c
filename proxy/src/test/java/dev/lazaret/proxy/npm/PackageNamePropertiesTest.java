package dev.lazaret.proxy.npm;

import static dev.lazaret.proxy.npm.ParseOutcomes.valueOrDocumentedError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.proxy.testing.Gen;
import dev.lazaret.proxy.testing.Property;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link PackageName#parse}: any text gives a name or an IllegalArgumentException. */
class PackageNamePropertiesTest {

  private static final String NAME_CHARS = "abcxyzAZ09._~-";

  static Gen<String> texts() {
    return Gen.oneOf(ParseOutcomes.anyText(), ParseOutcomes.textOf(NAME_CHARS + "@/%"),
        names().map(PackageName::toString).map(n -> n + "\u0000"),
        names().map(n -> "@" + n));
  }

  /** Valid names, scoped or not, up to npm's length limit. */
  static Gen<PackageName> names() {
    Gen<String> first = Gen.strings("abcxyzAZ09~-", 1, 1);
    Gen<String> rest = Gen.strings(NAME_CHARS, 100);
    Gen<String> part = random -> first.next(random) + rest.next(random);
    Gen<String> scope = Gen.oneOf(part, Gen.constant(null));
    Gen<PackageName> names = random -> new PackageName(scope.next(random), part.next(random));
    return names.filter(n -> n.toString().length() <= PackageName.MAX_LENGTH);
  }

  @Test
  void anyTextIsANameOrAnIllegalArgument() {
    Property.forAll(2000, texts(), text -> {
      Optional<PackageName> name = valueOrDocumentedError(() -> PackageName.parse(text),
          IllegalArgumentException.class);
      // A name is accepted exactly as written: no decoding, trimming or case folding.
      name.ifPresent(n -> assertThat(n.toString()).isEqualTo(text));
      name.ifPresent(n -> assertThat(text.length()).isLessThanOrEqualTo(PackageName.MAX_LENGTH));
    });
  }

  @Test
  void anyTwoPartsAreANameOrAnIllegalArgument() {
    Property.forAll(1000, texts(), texts(), (scope, bare) ->
        valueOrDocumentedError(() -> new PackageName(scope, bare), IllegalArgumentException.class));
  }

  @Test
  void aNameParsesBackFromHowItIsWritten() {
    Property.forAll(1000, names(), name ->
        assertThat(PackageName.parse(name.toString())).isEqualTo(name));
  }

  @Test
  void aMessageEchoesNoControlCharacterAndStaysShort() {
    Property.forAll(500, texts(), text -> {
      String printable = PackageName.printable(text);
      assertThat(printable).doesNotContainPattern("\\p{Cntrl}");
      assertThat(printable.length()).isLessThanOrEqualTo(83);
    });
  }
}
