package dev.lazaret.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazaret.proxy.testing.Gen;
import dev.lazaret.proxy.testing.Property;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link RelayTarget}: whatever a client puts in a relayed query, the upstream URI can be built. */
class RelayTargetTest {

  private static final URI BASE = URI.create("http://127.0.0.1:4873/npm/");
  private static final URI ROOT = URI.create("http://127.0.0.1:4873/");

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "-/v1/search?text=a|b; -/v1/search?text=a%7Cb",
      "-/v1/search?text=a%20b&size=20; -/v1/search?text=a%20b&size=20",
      "-/v1/search?text=a b; -/v1/search?text=a%20b",
      "-/v1/search?text=ü; -/v1/search?text=%FC",
      "-/v1/search?text=x#frag; -/v1/search?text=x%23frag",
      "-/npm/v1/attestations/@scope%2fname@1.0.0; -/npm/v1/attestations/@scope%2fname@1.0.0",
      "-/v1/search?q=a:b@c/d?e; -/v1/search?q=a:b@c/d?e"})
  void encodesOnlyWhatUriRefuses(String pathAndQuery, String expected) {
    URI target = RelayTarget.of(BASE, pathAndQuery);

    assertThat(target.toString()).isEqualTo(BASE + expected);
  }

  @Test
  void aNetworkPathStaysUnderTheBase() {
    URI target = RelayTarget.of(BASE, "//evil.example/x");

    assertThat(target.getHost()).isEqualTo("127.0.0.1");
    assertThat(target.getRawPath()).isEqualTo("/npm//evil.example/x");
  }

  @Test
  void aSchemeInThePathStaysAPath() {
    URI target = RelayTarget.of(BASE, "http://evil.example/");

    assertThat(target.getHost()).isEqualTo("127.0.0.1");
  }

  @Test
  void charactersUriRefusesAreEscaped() {
    assertThat(RelayTarget.escaped("-/v1/search?text=a|b c\"<>^`{}[]#\\"))
        .isEqualTo("-/v1/search?text=a%7Cb%20c%22%3C%3E%5E%60%7B%7D%5B%5D%23%5C");
    assertThat(ROOT.resolve(RelayTarget.escaped("-/v1/search?text=a|b")).getRawQuery())
        .isEqualTo("text=a%7Cb");
  }

  @Test
  void bytesOutsideAsciiAreEscapedAsSent() {
    assertThat(RelayTarget.escaped("-/v1/search?text=\u00e9")).isEqualTo("-/v1/search?text=%E9");
    assertThat(RelayTarget.escaped("-/v1/search?text=\u20ac")).isEqualTo("-/v1/search?text=%E2%82%AC");
  }

  @Test
  void validEscapesAndPlainQueriesAreKeptAsTheyAre() {
    String plain = "-/v1/search?text=left%20pad&size=20&from=0";
    assertThat(RelayTarget.escaped(plain)).isSameAs(plain);
    assertThat(RelayTarget.escaped("-/npm/v1/attestations/@acme%2fwidget@1.0.0"))
        .isEqualTo("-/npm/v1/attestations/@acme%2fwidget@1.0.0");
  }

  @Test
  void malformedEscapesAreRefusedWithAMessage() {
    for (String bad : new String[] {"-/v1/search?text=%zz", "-/v1/search?text=%", "-/v1/search?q=%2",
        "-/v1/search?q=%g0"}) {
      assertThatThrownBy(() -> RelayTarget.escaped(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("malformed percent-encoding");
    }
  }

  @Test
  void anyQueryGivesAUriOrATypedRefusal() {
    Property.forAll(2000, queries(), query -> {
      String target;
      try {
        target = RelayTarget.escaped("-/v1/search?" + query);
      } catch (IllegalArgumentException e) {
        assertThat(e.getMessage()).contains("percent-encoding");
        return;
      }
      URI resolved = ROOT.resolve(target);
      assertThat(resolved.getRawPath()).isEqualTo("/-/v1/search");
      assertThat(resolved.getRawFragment()).isNull();
    });
  }

  private static Gen<String> queries() {
    Gen<String> pieces = Gen.oneOf(
        Gen.strings('\u0000', '\u00ff', 4),
        Gen.strings(3),
        Gen.of("%", "%2", "%zz", "%41", "|", "#", "?", "&", "=", "[", "]", " ", "+",
            "\ud83d\ude00", "\ud83d"));
    return pieces.list(8).map(l -> String.join("", l));
  }
}
