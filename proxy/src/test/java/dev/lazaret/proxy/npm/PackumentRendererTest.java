package dev.lazaret.proxy.npm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazaret.policy.PackageVerdict;
import dev.lazaret.policy.Verdict;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PackumentRendererTest {

  private static final URI UPSTREAM = URI.create("http://upstream.test/");
  private static final String BASE = "http://127.0.0.1:4873/";
  private static final PackageName NAME = PackageName.parse("@acme/widget");

  private static final String DOC = """
      {"_id":"@acme/widget","_rev":"3-abc","name":"@acme/widget","readme":"# widget",
       "dist-tags":{"latest":"2.0.0","next":"3.0.0-beta.2"},
       "maintainers":[{"name":"alice","email":"a@example.com"}],
       "time":{"created":"2020-01-01T00:00:00.000Z","modified":"2026-11-01T00:00:00.000Z",
               "1.0.0":"2020-01-01T00:00:00.000Z","1.1.0":"2021-01-01T00:00:00.000Z",
               "2.0.0":"2026-11-01T00:00:00.000Z","3.0.0-beta.1":"2026-10-01T00:00:00.000Z",
               "3.0.0-beta.2":"2026-11-01T00:00:00.000Z"},
       "versions":{
         "1.0.0":{"name":"@acme/widget","version":"1.0.0","description":"x","scripts":{"test":"t"},
           "_npmUser":{"name":"alice"},
           "dist":{"tarball":"http://upstream.test/@acme/widget/-/widget-1.0.0.tgz",
                   "integrity":"sha512-AAAA","shasum":"0123456789012345678901234567890123456789"}},
         "1.1.0":{"name":"@acme/widget","version":"1.1.0","scripts":{"postinstall":"node x"},
           "dependencies":{"left-pad":"^1.0.0"},
           "dist":{"tarball":"http://upstream.test/@acme/widget/-/widget-1.1.0.tgz",
                   "attestations":{"url":"http://upstream.test/-/npm/v1/attestations/@acme%2fwidget@1.1.0",
                                   "provenance":{"predicateType":"https://slsa.dev/provenance/v1"}}}},
         "2.0.0":{"name":"@acme/widget","version":"2.0.0",
           "dist":{"tarball":"http://upstream.test/@acme/widget/-/widget-2.0.0.tgz"}},
         "3.0.0-beta.1":{"name":"@acme/widget","version":"3.0.0-beta.1",
           "dist":{"tarball":"http://upstream.test/@acme/widget/-/widget-3.0.0-beta.1.tgz"}},
         "3.0.0-beta.2":{"name":"@acme/widget","version":"3.0.0-beta.2",
           "dist":{"tarball":"http://upstream.test/@acme/widget/-/widget-3.0.0-beta.2.tgz"}}}}
      """;

  private final byte[] json = DOC.getBytes(StandardCharsets.UTF_8);
  private final PackumentIndex index = PackumentIndex.parse(NAME, json, UPSTREAM);

  @Test
  void indexKnowsTarballsPublishersAndTimes() {
    assertThat(index.versions()).containsOnlyKeys("1.0.0", "1.1.0", "2.0.0", "3.0.0-beta.1", "3.0.0-beta.2");
    assertThat(index.byTarballFile("widget-1.1.0.tgz")).map(VersionEntry::version).contains("1.1.0");
    assertThat(index.versions().get("1.0.0").publisher()).isEqualTo("alice");
    assertThat(index.versions().get("2.0.0").publishedAt()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(index.versions().get("1.0.0").digest()).isPresent(); // falls back to the shasum
  }

  @Test
  void everythingVisibleRewritesUrlsOnly() throws Exception {
    VisibleVersions all = VisibleVersions.of(index, verdicts(Map.of()));
    var rendered = PackumentRenderer.render(index, json, all, BASE);
    JsonNode full = NpmJson.MAPPER.readTree(rendered.full());
    assertThat(full.path("versions").size()).isEqualTo(5);
    assertThat(full.at("/versions/1.0.0/dist/tarball").asText())
        .isEqualTo(BASE + "@acme/widget/-/widget-1.0.0.tgz");
    assertThat(full.at("/versions/1.1.0/dist/attestations/url").asText())
        .isEqualTo(BASE + "-/npm/v1/attestations/@acme/widget@1.1.0");
    assertThat(full.path("readme").asText()).isEqualTo("# widget");
    assertThat(full.path("dist-tags").path("latest").asText()).isEqualTo("2.0.0");
  }

  @Test
  void abbreviatedKeepsInstallFieldsAndTimes() throws Exception {
    var rendered = PackumentRenderer.render(index, json, VisibleVersions.of(index, verdicts(Map.of())), BASE);
    JsonNode corgi = NpmJson.MAPPER.readTree(rendered.abbreviated());
    assertThat(corgi.has("readme")).isFalse();
    assertThat(corgi.path("modified").asText()).isEqualTo("2026-11-01T00:00:00.000Z");
    assertThat(corgi.at("/versions/1.1.0/hasInstallScript").asBoolean()).isTrue();
    assertThat(corgi.at("/versions/1.0.0/hasInstallScript").isMissingNode()).isTrue();
    assertThat(corgi.at("/versions/1.0.0/description").isMissingNode()).isTrue();
    assertThat(corgi.at("/versions/1.0.0/scripts").isMissingNode()).isTrue();
    assertThat(corgi.at("/versions/1.1.0/dependencies/left-pad").asText()).isEqualTo("^1.0.0");
    assertThat(corgi.at("/time/1.1.0").asText()).isEqualTo("2021-01-01T00:00:00.000Z");
    assertThat(corgi.at("/versions/2.0.0/dist/tarball").asText()).startsWith(BASE);
  }

  @Test
  void hiddenVersionsVanishAndTagsMoveBack() throws Exception {
    Verdict hold = new Verdict.Hold(Instant.parse("2026-12-01T00:00:00Z"), List.of("new"));
    VisibleVersions visible = VisibleVersions.of(index,
        verdicts(Map.of("2.0.0", hold, "3.0.0-beta.2", hold)));
    assertThat(visible.distTags()).containsEntry("latest", "1.1.0").containsEntry("next", "3.0.0-beta.1");
    var rendered = PackumentRenderer.render(index, json, visible, BASE);
    for (byte[] doc : List.of(rendered.full(), rendered.abbreviated())) {
      JsonNode n = NpmJson.MAPPER.readTree(doc);
      assertThat(n.path("versions").has("2.0.0")).isFalse();
      assertThat(n.path("time").has("2.0.0")).isFalse();
      assertThat(n.path("time").has("created")).isTrue();
      assertThat(n.at("/dist-tags/latest").asText()).isEqualTo("1.1.0");
    }
  }

  @Test
  void latestNeverMovesToAPrereleaseAndTagsWithoutCandidateAreDropped() {
    Verdict hold = new Verdict.Hold(Instant.parse("2026-12-01T00:00:00Z"), List.of("new"));
    VisibleVersions visible = VisibleVersions.of(index, verdicts(Map.of(
        "1.0.0", hold, "1.1.0", hold, "2.0.0", hold, "3.0.0-beta.1", hold, "3.0.0-beta.2", hold)));
    assertThat(visible.allowed()).isEmpty();
    assertThat(visible.distTags()).isEmpty();

    VisibleVersions onlyBeta = VisibleVersions.of(index, verdicts(Map.of(
        "1.0.0", hold, "1.1.0", hold, "2.0.0", hold)));
    assertThat(onlyBeta.distTags()).doesNotContainKey("latest");
  }

  @Test
  void versionManifestIsRewritten() throws Exception {
    byte[] manifest = PackumentRenderer.renderVersion(index, json, "1.1.0", BASE).orElseThrow();
    JsonNode n = NpmJson.MAPPER.readTree(manifest);
    assertThat(n.path("version").asText()).isEqualTo("1.1.0");
    assertThat(n.at("/dist/tarball").asText()).isEqualTo(BASE + "@acme/widget/-/widget-1.1.0.tgz");
    assertThat(PackumentRenderer.renderVersion(index, json, "9.9.9", BASE)).isEmpty();
  }

  /** Every version of the index allowed unless {@code v} says otherwise (verdicts fail closed). */
  private PackageVerdict verdicts(Map<String, Verdict> v) {
    Map<String, Verdict> all = new java.util.LinkedHashMap<>(
        PackageVerdict.allowing(index.versions().keySet()).verdicts());
    all.putAll(v);
    return new PackageVerdict(all, Optional.empty());
  }
}
