package dev.lazaret.proxy.npm;

import static dev.lazaret.proxy.npm.ParseOutcomes.valueOrDocumentedError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazaret.proxy.testing.Gen;
import dev.lazaret.proxy.testing.Property;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link RegistryPath#parse}: any path gives a route, an IllegalArgumentException (a 400) or a
 * NoSuchElementException (a 404), and valid names and files route back to themselves.
 */
class RegistryPathPropertiesTest {

  static Gen<String> paths() {
    Gen<String> segment = Gen.oneOf(
        ParseOutcomes.textOf("abz09.-_~@%2fF/"),
        Gen.of("-", "..", ".", "%2e%2E", "%2f", "@types", "node", "package",
            "dist-tags", "v1", "npm", "attestations", "x-1.0.0.tgz", "%", "%4", "%zz", "%c3",
            "%c3%a9", "%ff", "%00", "%0a", "%7f", "%5c", "\u00e9", "%\uff14\uff11", "\u0000",
            "\u2028"),
        ParseOutcomes.hugeNumbers(),
        ParseOutcomes.anyText());
    Gen<String> joined = segment.list(7).map(s -> "/" + String.join("/", s));
    return Gen.oneOf(joined, ParseOutcomes.anyText(),
        ParseOutcomes.anyText().map(t -> "/" + t),
        Gen.strings("/a%", 2000, 2100));
  }

  /** Valid names but "-": "/-" is the registry's own namespace, npm's as much as Lazaret's. */
  static Gen<PackageName> names() {
    return PackageNamePropertiesTest.names().filter(n -> !n.toString().equals("-"));
  }

  static Gen<String> versions() {
    Gen<Long> number = Gen.longs(0, 1_000_000);
    Gen<String> pre = Gen.of("", "-beta.1", "-0", "-rc.1+build.5");
    return random -> number.next(random) + "." + number.next(random) + "." + number.next(random)
        + pre.next(random);
  }

  @Test
  void anyPathIsARouteABadRequestOrNotFound() {
    Property.forAll(3000, paths(), raw ->
        valueOrDocumentedError(() -> RegistryPath.parse(raw), IllegalArgumentException.class,
            NoSuchElementException.class));
  }

  @Test
  void aPathWithACharacterOutsideAsciiIsABadRequest() {
    Property.forAll(2000, paths(), raw -> {
      // Said in the error: "path must be ASCII (percent-encode other characters)". Netty hands
      // the path over undecoded, so a non-ASCII char is a client that skipped encoding, and a
      // lenient decoding would let two spellings reach one route.
      if (raw.chars().anyMatch(c -> c > 0x7f) && raw.startsWith("/")
          && raw.length() <= RegistryPath.MAX_PATH_LENGTH) {
        assertThatThrownBy(() -> RegistryPath.parse(raw))
            .isInstanceOf(IllegalArgumentException.class);
      }
    });
  }

  @Test
  void everyNameRoutesToItsPackumentInEverySpelling() {
    Property.forAll(1000, names(), name -> {
      RegistryPath packument = new RegistryPath.Packument(name);
      assertThat(RegistryPath.parse("/" + name.pathSegment())).isEqualTo(packument);
      assertThat(RegistryPath.parse("/" + name)).isEqualTo(packument);
      assertThat(RegistryPath.parse("/" + encodeEveryByte(name.toString()))).isEqualTo(packument);
    });
  }

  @Test
  void everyTarballFileRoutesToItself() {
    Property.forAll(1000, names(), versions(), (name, version) -> {
      String file = name.bare() + "-" + version + ".tgz";
      assertThat(RegistryPath.parse("/" + name.pathSegment() + "/-/" + file))
          .isEqualTo(new RegistryPath.Tarball(name, file));
      assertThat(RegistryPath.parse("/" + name.pathSegment() + "/" + version))
          .isEqualTo(new RegistryPath.Version(name, version));
    });
  }

  @Test
  void aPathLongerThanTheLimitIsABadRequest() {
    Property.forAll(500, paths(), raw -> {
      String tooLong = "/" + "a".repeat(RegistryPath.MAX_PATH_LENGTH) + raw;
      Optional<RegistryPath> route = valueOrDocumentedError(() -> RegistryPath.parse(tooLong),
          IllegalArgumentException.class);
      assertThat(route).isEmpty();
    });
  }

  private static String encodeEveryByte(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      out.append('%').append(String.format("%02X", b & 0xff));
    }
    return out.toString();
  }
}
