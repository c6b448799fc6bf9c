package dev.lazaret.proxy.npm;

import static dev.lazaret.proxy.npm.ParseOutcomes.valueOrDocumentedError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link RegistryPath#parse}: any path gives a route, an IllegalArgumentException (a 400) or a
 * NoSuchElementException (a 404), and valid names and files route back to themselves.
 */
class RegistryPathPropertiesTest {

  @Provide
  Arbitrary<String> paths() {
    Arbitrary<String> segment = Arbitraries.oneOf(
        ParseOutcomes.textOf("abz09.-_~@%2fF/"),
        Arbitraries.of("-", "..", ".", "%2e%2E", "%2f", "@types", "node", "package",
            "dist-tags", "v1", "npm", "attestations", "x-1.0.0.tgz", "%", "%4", "%zz", "%c3",
            "%c3%a9", "%ff", "%00", "%0a", "%7f", "%5c", "\u00e9", "%\uff14\uff11", "\u0000",
            "\u2028"),
        ParseOutcomes.hugeNumbers(),
        ParseOutcomes.anyText());
    Arbitrary<String> joined = segment.list().ofMaxSize(7).map(s -> "/" + String.join("/", s));
    return Arbitraries.oneOf(joined, ParseOutcomes.anyText(),
        ParseOutcomes.anyText().map(t -> "/" + t),
        Arbitraries.strings().withChars("/a%").ofMinLength(2000).ofMaxLength(2100));
  }

  /** Valid names but "-": "/-" is the registry's own namespace, npm's as much as Lazaret's. */
  @Provide
  Arbitrary<PackageName> names() {
    return new PackageNamePropertiesTest().names().filter(n -> !n.toString().equals("-"));
  }

  @Property(tries = 3000)
  void anyPathIsARouteABadRequestOrNotFound(@ForAll("paths") String raw) {
    valueOrDocumentedError(() -> RegistryPath.parse(raw), IllegalArgumentException.class,
        NoSuchElementException.class);
  }

  @Property(tries = 2000)
  void aPathWithACharacterOutsideAsciiIsABadRequest(@ForAll("paths") String raw) {
    // Said in the error: "path must be ASCII (percent-encode other characters)". Netty hands the
    // path over undecoded, so a non-ASCII char is a client that skipped encoding, and a lenient
    // decoding would let two spellings reach one route.
    if (raw.chars().anyMatch(c -> c > 0x7f) && raw.startsWith("/")
        && raw.length() <= RegistryPath.MAX_PATH_LENGTH) {
      assertThatThrownBy(() -> RegistryPath.parse(raw))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Property(tries = 1000)
  void everyNameRoutesToItsPackumentInEverySpelling(@ForAll("names") PackageName name) {
    RegistryPath packument = new RegistryPath.Packument(name);
    assertThat(RegistryPath.parse("/" + name.pathSegment())).isEqualTo(packument);
    assertThat(RegistryPath.parse("/" + name)).isEqualTo(packument);
    assertThat(RegistryPath.parse("/" + encodeEveryByte(name.toString()))).isEqualTo(packument);
  }

  @Property(tries = 1000)
  void everyTarballFileRoutesToItself(@ForAll("names") PackageName name,
      @ForAll("versions") String version) {
    String file = name.bare() + "-" + version + ".tgz";
    assertThat(RegistryPath.parse("/" + name.pathSegment() + "/-/" + file))
        .isEqualTo(new RegistryPath.Tarball(name, file));
    assertThat(RegistryPath.parse("/" + name.pathSegment() + "/" + version))
        .isEqualTo(new RegistryPath.Version(name, version));
  }

  @Provide
  Arbitrary<String> versions() {
    Arbitrary<Long> number = Arbitraries.longs().between(0, 1_000_000);
    return Combinators.combine(number, number, number,
        Arbitraries.of("", "-beta.1", "-0", "-rc.1+build.5")).as((a, b, c, pre) ->
        a + "." + b + "." + c + pre);
  }

  @Property(tries = 500)
  void aPathLongerThanTheLimitIsABadRequest(@ForAll("paths") String raw) {
    String tooLong = "/" + "a".repeat(RegistryPath.MAX_PATH_LENGTH) + raw;
    Optional<RegistryPath> route = valueOrDocumentedError(() -> RegistryPath.parse(tooLong),
        IllegalArgumentException.class);
    assertThat(route).isEmpty();
  }

  private static String encodeEveryByte(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      out.append('%').append(String.format("%02X", b & 0xff));
    }
    return out.toString();
  }
}
