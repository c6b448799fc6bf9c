package dev.lazaret.proxy.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Package and version in API paths: encoded scopes, plain scopes, build metadata. */
class VersionPathTest {

  private static final String PREFIX = "/api/holds/";

  @Test
  void readsPlainEncodedAndUnencodedScopedNames() {
    VersionPath plain = VersionPath.parse("/api/holds/left-pad/1.3.0", PREFIX, false);
    assertThat(plain.name().toString()).isEqualTo("left-pad");
    assertThat(plain.version()).isEqualTo("1.3.0");
    assertThat(plain.action()).isNull();
    assertThat(VersionPath.parse("/api/holds/%40acme%2Fui/1.2.0/approve", PREFIX, true))
        .extracting(p -> p.name().toString(), VersionPath::version, VersionPath::action)
        .containsExactly("@acme/ui", "1.2.0", "approve");
    assertThat(VersionPath.parse("/api/holds/@acme/ui/1.2.0", PREFIX, false).name().scope())
        .isEqualTo("acme");
    assertThat(VersionPath.parse("/api/holds/x/1.0.0+build.5", PREFIX, false).version())
        .isEqualTo("1.0.0+build.5");
  }

  @Test
  void otherShapesAreNotFoundAndBadNamesAreBadRequests() {
    assertThatThrownBy(() -> VersionPath.parse("/api/holds/x", PREFIX, false))
        .isInstanceOf(ApiException.class).extracting(e -> ((ApiException) e).status())
        .isEqualTo(404);
    assertThatThrownBy(() -> VersionPath.parse("/api/holds/x/1.0.0/", PREFIX, false))
        .extracting(e -> ((ApiException) e).status()).isEqualTo(404);
    assertThatThrownBy(() -> VersionPath.parse("/api/holds/..%2F/1.0.0", PREFIX, false))
        .extracting(e -> ((ApiException) e).status()).isEqualTo(400);
    assertThatThrownBy(() -> VersionPath.parse("/api/holds/%zz/1.0.0", PREFIX, false))
        .extracting(e -> ((ApiException) e).status()).isEqualTo(400);
  }
}
