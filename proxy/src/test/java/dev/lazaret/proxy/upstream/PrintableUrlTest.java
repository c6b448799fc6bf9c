package dev.lazaret.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PrintableUrlTest {

  @Test
  void masksThePasswordAndKeepsTheUser() {
    assertThat(PrintableUrl.of(URI.create("https://ci:s3cret@npm.example.test:8443/npm/")))
        .isEqualTo("https://ci:***@npm.example.test:8443/npm/");
  }

  @Test
  void masksALoneTokenWhole() {
    assertThat(PrintableUrl.of(URI.create("https://glpat-abc123@npm.example.test/")))
        .isEqualTo("https://***@npm.example.test/");
  }

  @Test
  void leavesUrlsWithoutUserInfoAlone() {
    assertThat(PrintableUrl.of(URI.create("http://127.0.0.1:4873/@acme/pkg/-/pkg-1.0.0.tgz")))
        .isEqualTo("http://127.0.0.1:4873/@acme/pkg/-/pkg-1.0.0.tgz");
    assertThat(PrintableUrl.in("mail ops@example.test about it")).isEqualTo(
        "mail ops@example.test about it");
  }

  @Test
  void masksEveryUrlInAText() {
    assertThat(PrintableUrl.in("upstream unreachable for tarball HTTPS://a:b@x.test/t.tgz"
        + " (redirected from http://c:d%40e@y.test/t.tgz)"))
        .isEqualTo("upstream unreachable for tarball HTTPS://a:***@x.test/t.tgz"
            + " (redirected from http://c:***@y.test/t.tgz)");
  }

  @Test
  void upstreamErrorsNeverCarryAPassword() {
    // Their messages reach logs and the error bodies clients see.
    assertThat(new UpstreamException(UpstreamException.Kind.UNREACHABLE,
        "upstream unreachable for tarball https://ci:s3cret@up.test/a/-/a-1.tgz").getMessage())
        .isEqualTo("upstream unreachable for tarball https://ci:***@up.test/a/-/a-1.tgz");
    assertThat(new UpstreamException(500, "upstream answered 500 for tarball"
        + " https://ci:s3cret@up.test/a/-/a-1.tgz").getMessage()).doesNotContain("s3cret");
  }
}
