package dev.lazaret.proxy.npm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryPathTest {

  @Test
  void quarantineStatusForPlainAndScopedNames() {
    assertThat(RegistryPath.parse("/-/quarantine/left-pad"))
        .isEqualTo(new RegistryPath.QuarantineStatus(new PackageName(null, "left-pad")));
    RegistryPath scoped = new RegistryPath.QuarantineStatus(new PackageName("types", "node"));
    assertThat(RegistryPath.parse("/-/quarantine/@types/node")).isEqualTo(scoped);
    assertThat(RegistryPath.parse("/-/quarantine/@types%2fnode")).isEqualTo(scoped);
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> RegistryPath.parse("/-/quarantine/a/b/c"))
        .isInstanceOf(java.util.NoSuchElementException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> RegistryPath.parse("/-/quarantine/NOT VALID"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unscopedPackument() {
    assertThat(RegistryPath.parse("/left-pad"))
        .isEqualTo(new RegistryPath.Packument(new PackageName(null, "left-pad")));
  }

  @Test
  void scopedPackumentInBothSpellings() {
    RegistryPath expected = new RegistryPath.Packument(new PackageName("types", "node"));
    assertThat(RegistryPath.parse("/@types%2fnode")).isEqualTo(expected);
    assertThat(RegistryPath.parse("/@types%2Fnode")).isEqualTo(expected);
    assertThat(RegistryPath.parse("/@types/node")).isEqualTo(expected);
  }

  @Test
  void versionsAndTags() {
    assertThat(RegistryPath.parse("/left-pad/1.3.0"))
        .isEqualTo(new RegistryPath.Version(new PackageName(null, "left-pad"), "1.3.0"));
    assertThat(RegistryPath.parse("/@types/node/latest"))
        .isEqualTo(new RegistryPath.Version(new PackageName("types", "node"), "latest"));
    assertThat(RegistryPath.parse("/@types%2fnode/20.1.0"))
        .isEqualTo(new RegistryPath.Version(new PackageName("types", "node"), "20.1.0"));
  }

  @Test
  void tarballs() {
    assertThat(RegistryPath.parse("/left-pad/-/left-pad-1.3.0.tgz"))
        .isEqualTo(new RegistryPath.Tarball(new PackageName(null, "left-pad"), "left-pad-1.3.0.tgz"));
    assertThat(RegistryPath.parse("/@types/node/-/node-20.1.0.tgz"))
        .isEqualTo(new RegistryPath.Tarball(new PackageName("types", "node"), "node-20.1.0.tgz"));
    assertThat(RegistryPath.parse("/@types%2fnode/-/node-20.1.0.tgz"))
        .isEqualTo(new RegistryPath.Tarball(new PackageName("types", "node"), "node-20.1.0.tgz"));
  }

  @Test
  void specialEndpoints() {
    assertThat(RegistryPath.parse("/-/ping")).isInstanceOf(RegistryPath.Ping.class);
    assertThat(RegistryPath.parse("/-/v1/search")).isEqualTo(new RegistryPath.Relay("search"));
    assertThat(RegistryPath.parse("/-/npm/v1/security/advisories/bulk"))
        .isEqualTo(new RegistryPath.Relay("audit-bulk"));
    assertThat(RegistryPath.parse("/-/npm/v1/security/audits/quick"))
        .isEqualTo(new RegistryPath.Relay("audit-quick"));
    assertThat(RegistryPath.parse("/-/npm/v1/keys")).isEqualTo(new RegistryPath.Relay("keys"));
    assertThat(RegistryPath.parse("/-/npm/v1/attestations/@sigstore%2fcore@1.0.0"))
        .isEqualTo(new RegistryPath.Relay("attestations"));
    assertThat(RegistryPath.parse("/-/package/@types%2fnode/dist-tags"))
        .isEqualTo(new RegistryPath.DistTags(new PackageName("types", "node")));
    assertThat(RegistryPath.parse("/-/package/left-pad/dist-tags"))
        .isEqualTo(new RegistryPath.DistTags(new PackageName(null, "left-pad")));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/..", "/%2e%2e", "/%2e%2e/etc/passwd", "/left-pad/..", "/left-pad/%2e%2e/x",
      "/@types%2f..", "/%zz", "/%e2%28%a1", "/.hidden", "/_private", "/a%00b", "/a%0ab",
      "/@/x", "/@scope", "/left%2fpad", "/left-pad/-/..%2f..%2fetc.tgz", "/a\\b"
  })
  void rejectsMalformedOrTraversingPaths(String path) {
    assertThatThrownBy(() -> RegistryPath.parse(path)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsOverlongNames() {
    String name = "a".repeat(PackageName.MAX_LENGTH + 1);
    assertThatThrownBy(() -> RegistryPath.parse("/" + name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("longer than 214");
  }

  @Test
  void unknownShapesAreNotFound() {
    assertThatThrownBy(() -> RegistryPath.parse("/-/whoami")).isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> RegistryPath.parse("/a/b/c/d")).isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> RegistryPath.parse("/")).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void legacyUpperCaseNamesAreKept() {
    assertThat(RegistryPath.parse("/JSONStream"))
        .isEqualTo(new RegistryPath.Packument(new PackageName(null, "JSONStream")));
  }

  // Found by RegistryPathPropertiesTest: Character.digit reads other scripts' digits, so a
  // fullwidth "%\uff14\uff11" decoded to "A" and reached the package "A".
  @Test
  void onlyAsciiHexDigitsArePercentEscapes() {
    assertThatThrownBy(() -> RegistryPath.parse("/%\uff14\uff11"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(RegistryPath.parse("/%41"))
        .isEqualTo(new RegistryPath.Packument(new PackageName(null, "A")));
  }

  // Found by RegistryPathPropertiesTest: a raw non-ASCII character was only refused in a
  // segment with a '%', so "/-/npm/v1/attestations/\u00e9@1" was relayed upstream as it was.
  @Test
  void aRawNonAsciiCharacterIsABadRequestInEverySegment() {
    assertThatThrownBy(() -> RegistryPath.parse("/-/npm/v1/attestations/\u00e9@1/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("path must be ASCII (percent-encode other characters)");
    assertThatThrownBy(() -> RegistryPath.parse("/left-pad/1.0.0\u00e9"))
        .hasMessage("path must be ASCII (percent-encode other characters)");
  }

  // Found by RegistryPathPropertiesTest: "~x" and "-x" are valid names, their tarballs were not.
  @Test
  void tarballsOfNamesStartingWithTildeOrDash() {
    assertThat(RegistryPath.parse("/~tilde/-/~tilde-1.0.0.tgz"))
        .isEqualTo(new RegistryPath.Tarball(new PackageName(null, "~tilde"), "~tilde-1.0.0.tgz"));
    assertThat(RegistryPath.parse("/@a/-dash/-/-dash-1.0.0.tgz"))
        .isEqualTo(new RegistryPath.Tarball(new PackageName("a", "-dash"), "-dash-1.0.0.tgz"));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"~x-1.0.0.tgz", "-x-1.0.0.tgz",
      "x-1.0.0+build.5.tgz", "X_y.z-2.0.0-rc.1.tgz", "a.tgz"})
  void tarballFileNamesNpmCanProduceAreAccepted(String file) {
    assertThat(RegistryPath.parse("/x/-/" + file)).isInstanceOf(RegistryPath.Tarball.class);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {".tgz", "_x-1.0.0.tgz",
      ".x-1.0.0.tgz", "x 1.tgz", "x=1.tgz", "x!-1.0.0.tgz"})
  void otherTarballFileNamesAreRefused(String file) {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RegistryPath.parse("/x/-/"
        + file.replace(" ", "%20"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid tarball name");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"1.0.0;rm", "1.0.0&x", "1.0.0\"",
      "v1$"})
  void versionSpecsOutsideTheRangeSyntaxAreRefused(String spec) {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RegistryPath.parse("/x/"
        + java.net.URLEncoder.encode(spec, java.nio.charset.StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid version or tag");
  }
}
