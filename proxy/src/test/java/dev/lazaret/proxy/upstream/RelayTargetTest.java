package dev.lazaret.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelayTargetTest {

  private static final URI BASE = URI.create("http://127.0.0.1:4873/npm/");

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "-/v1/search?text=a|b; -/v1/search?text=a%7Cb",
      "-/v1/search?text=%zz; -/v1/search?text=%25zz",
      "-/v1/search?text=%4; -/v1/search?text=%254",
      "-/v1/search?text=a%20b&size=20; -/v1/search?text=a%20b&size=20",
      "-/v1/search?text=a b; -/v1/search?text=a%20b",
      "-/v1/search?text=ü; -/v1/search?text=%C3%BC",
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
}
