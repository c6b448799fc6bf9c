package dev.lazaret.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OriginTest {

  @Test
  void defaultPortsAreFilledInAndCaseIgnored() {
    assertThat(Origin.of(URI.create("HTTPS://CDN.Example/a/b.tgz"))).contains(
        new Origin("https", "cdn.example", 443));
    assertThat(Origin.of(URI.create("http://cdn.example/x"))).contains(
        new Origin("http", "cdn.example", 80));
    assertThat(Origin.parse("https://cdn.example"))
        .isEqualTo(Origin.parse("https://cdn.example:443/"));
    assertThat(Origin.parse("https://cdn.example").toString()).isEqualTo("https://cdn.example:443");
  }

  @Test
  void userInfoDoesNotChangeTheOrigin() {
    assertThat(Origin.of(URI.create("http://registry.example@10.0.0.5:8080/x.tgz")))
        .contains(new Origin("http", "10.0.0.5", 8080));
  }

  @Test
  void namesAndAddressesAreDifferentOriginsEvenForLoopback() {
    assertThat(Origin.of(URI.create("http://localhost:4873/")))
        .isNotEqualTo(Origin.of(URI.create("http://127.0.0.1:4873/")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"file:///etc/passwd", "ftp://cdn.example/", "/relative/x.tgz",
      "http://under_score:80/", "gopher://x/"})
  void nonHttpOrHostlessUrlsHaveNoOrigin(String url) {
    assertThat(Origin.of(URI.create(url))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"cdn.example", "https://cdn.example/path", "https://u:p@cdn.example",
      "https://cdn.example?x", "https://cdn.example:99999", "ftp://cdn.example", "https://"})
  void parseRefusesWhatIsNotJustAnOrigin(String text) {
    assertThatThrownBy(() -> Origin.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void allowedOriginsAreTheBaseAndTheExtras() throws Exception {
    AllowedOrigins allowed = AllowedOrigins.of("default",
        URI.create("https://registry.example/npm/"),
        List.of(Origin.parse("https://cdn.example")), "add it to upstream-tarball-origins");

    assertThat(allowed.allows(URI.create("https://registry.example:443/other/x.tgz"))).isTrue();
    assertThat(allowed.allows(URI.create("https://cdn.example/x.tgz"))).isTrue();
    assertThat(allowed.allows(URI.create("http://registry.example/x.tgz"))).as("scheme").isFalse();
    assertThat(allowed.allows(URI.create("https://registry.example:8443/x.tgz"))).isFalse();
    assertThatThrownBy(() -> allowed.checkUrl(URI.create("http://10.0.0.5:8080/x.tgz"), "tarball"))
        .isInstanceOf(RefusedOriginException.class)
        .hasMessage("refused to fetch tarball from http://10.0.0.5:8080: not an allowed origin"
            + " of upstream 'default' (add it to upstream-tarball-origins)");
  }

  @Test
  void refusalsNeverShowCredentials() {
    AllowedOrigins allowed = AllowedOrigins.ownOnly("default", URI.create("https://r.example/"));
    assertThatThrownBy(() -> allowed.checkUrl(
        URI.create("https://user:secret@other.example/x.tgz"), "tarball"))
        .hasMessageNotContaining("secret");
  }
}
