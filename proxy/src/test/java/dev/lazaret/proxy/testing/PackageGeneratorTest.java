package dev.lazaret.proxy.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackageGeneratorTest {

  private static final URI BASE = URI.create("http://127.0.0.1:1/");

  @Test
  void packumentIntegrityAndShasumMatchTheTarballBytes() {
    GeneratedPackage pkg = PackageGenerator.seeded(1).pkg("@acme/pad")
        .version("1.0.0").version("1.1.0").done();

    JsonNode versions = pkg.packument(BASE).path("versions");
    for (GeneratedVersion v : pkg.versions().values()) {
      JsonNode dist = versions.path(v.version()).path("dist");
      byte[] bytes = v.tarball().bytes();
      assertThat(dist.path("integrity").asText()).isEqualTo(Tarball.integrityOf(bytes));
      assertThat(dist.path("shasum").asText()).isEqualTo(Tarball.shasumOf(bytes));
      assertThat(dist.path("tarball").asText())
          .isEqualTo("http://127.0.0.1:1/@acme/pad/-/pad-" + v.version() + ".tgz");
    }
  }

  @Test
  void tarballHoldsThePackageJsonOfItsNameAndVersion() {
    GeneratedVersion v = PackageGenerator.seeded(1).pkg("left-pad")
        .version("1.2.3", b -> b.dependsOn("is-thing", "^1.0.0")).done().version("1.2.3");

    assertThat(Tarball.unpack(v.tarball().bytes()))
        .containsOnlyKeys("package/package.json", "package/index.js");
    assertThat(v.packageJson().path("name").asText()).isEqualTo("left-pad");
    assertThat(v.packageJson().path("version").asText()).isEqualTo("1.2.3");
    assertThat(v.packageJson().path("dependencies").path("is-thing").asText())
        .isEqualTo("^1.0.0");
    assertThat(v.indexJs()).contains("require('is-thing')");
  }

  @Test
  void sameSeedGivesSameBytesAndAnotherSeedDoesNot() {
    List<byte[]> first = tarballs(PackageGenerator.seeded(42).corpus());
    List<byte[]> again = tarballs(PackageGenerator.seeded(42).corpus());
    List<byte[]> other = tarballs(PackageGenerator.seeded(43).corpus());

    assertThat(again).usingElementComparator(java.util.Arrays::compare).isEqualTo(first);
    assertThat(other.get(0)).isNotEqualTo(first.get(0));
    assertThat(PackageGenerator.seeded(42).corpus().get("tree-top").packument(BASE))
        .isEqualTo(PackageGenerator.seeded(42).corpus().get("tree-top").packument(BASE));
  }

  @Test
  void defaultTimesCountBackFromNowAndExplicitTimesWin() {
    Instant now = Instant.parse("2026-03-01T12:00:00Z");
    GeneratedPackage pkg = PackageGenerator.seeded(1).at(now).pkg("timed")
        .version("1.0.0")
        .version("1.1.0", v -> v.publishedAgo(Duration.ofHours(2)))
        .done();

    assertThat(pkg.version("1.0.0").publishedAt()).isEqualTo(now.minus(Duration.ofDays(60)));
    assertThat(pkg.version("1.1.0").publishedAt()).isEqualTo(now.minus(Duration.ofHours(2)));
    JsonNode time = pkg.packument(BASE).path("time");
    assertThat(time.path("created").asText()).isEqualTo("2025-12-31T12:00:00.000Z");
    assertThat(time.path("modified").asText()).isEqualTo("2026-03-01T10:00:00.000Z");
    assertThat(time.path("1.1.0").asText()).isEqualTo("2026-03-01T10:00:00.000Z");
  }

  @Test
  void latestIsTheHighestReleaseUnlessTaggedAndOtherTagsAreKept() {
    GeneratedPackage pkg = PackageGenerator.seeded(1).pkg("tags")
        .version("1.10.0").version("1.9.0").version("2.0.0-rc.1")
        .distTag("next", "2.0.0-rc.1").done();

    assertThat(pkg.distTags()).containsEntry("latest", "1.10.0").containsEntry("next", "2.0.0-rc.1");
    assertThat(pkg.latest().version()).isEqualTo("1.10.0");
  }

  @Test
  void publisherMaintainersScriptsProvenanceAndLegacyDistAreRendered() {
    GeneratedPackage pkg = PackageGenerator.seeded(1).pkg("evil")
        .maintainer("alice").maintainer("bob")
        .version("1.0.0")
        .version("1.0.1", v -> v.publishedBy("mallory").preinstall("node steal.js")
            .withProvenance().deprecated("do not use"))
        .version("0.0.1", VersionBuilder::legacyShasumOnly)
        .done();

    JsonNode full = pkg.packument(BASE);
    JsonNode evil = full.path("versions").path("1.0.1");
    assertThat(full.path("maintainers").findValuesAsText("name")).containsExactly("alice", "bob");
    assertThat(full.path("versions").path("1.0.0").path("_npmUser").path("name").asText())
        .isEqualTo("alice");
    assertThat(evil.path("_npmUser").path("name").asText()).isEqualTo("mallory");
    assertThat(evil.path("scripts").path("preinstall").asText()).isEqualTo("node steal.js");
    assertThat(evil.path("deprecated").asText()).isEqualTo("do not use");
    assertThat(evil.path("dist").path("attestations").path("url").asText())
        .isEqualTo("http://127.0.0.1:1/-/npm/v1/attestations/evil@1.0.1");
    assertThat(pkg.version("1.0.1").packageJson().path("scripts").path("preinstall").asText())
        .isEqualTo("node steal.js");
    assertThat(full.path("versions").path("0.0.1").path("dist").has("integrity")).isFalse();

    JsonNode corgi = Packuments.abbreviated(pkg, BASE).path("versions");
    assertThat(corgi.path("1.0.1").path("hasInstallScript").asBoolean()).isTrue();
    assertThat(corgi.path("1.0.0").has("hasInstallScript")).isFalse();
    assertThat(corgi.path("1.0.1").has("_npmUser")).isFalse();
  }

  @Test
  void corpusIsClosedUnderDependencies() {
    Corpus corpus = PackageGenerator.seeded(7).corpus("acme");

    assertThat(corpus.packages()).hasSize(10);
    assertThat(corpus.root()).isEqualTo("acme-top");
    assertThat(corpus.expectedTree()).containsEntry("@acme/util", "0.3.1");
    for (GeneratedPackage pkg : corpus.packages()) {
      for (GeneratedVersion v : pkg.versions().values()) {
        v.dependencies().keySet().forEach(dep -> assertThat(corpus.get(dep)).isNotNull());
      }
    }
    corpus.expectedTree().forEach((name, version) ->
        assertThat(corpus.get(name).versions()).containsKey(version));
  }

  @Test
  void rejectsInvalidNamesAndVersionsWithAClearMessage() {
    PackageGenerator gen = PackageGenerator.seeded(1);
    assertThatThrownBy(() -> gen.pkg("Left-Pad")).hasMessageContaining("'Left-Pad'");
    assertThatThrownBy(() -> gen.pkg("ok").version("1.0")).hasMessageContaining("'1.0'");
    assertThatThrownBy(() -> gen.pkg("ok").version("1.0.0").distTag("beta", "9.9.9").done())
        .hasMessageContaining("9.9.9");
  }

  private static List<byte[]> tarballs(Corpus corpus) {
    return corpus.packages().stream()
        .flatMap(p -> p.versions().values().stream())
        .map(v -> v.tarball().bytes())
        .toList();
  }
}
