package dev.lazaret.proxy.npm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazaret.policy.PackageVerdict;
import dev.lazaret.policy.Verdict;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.PackageGenerator;
import dev.lazaret.proxy.testing.Packuments;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The streaming index and renderer against the tree-based ones they replaced: same index, same
 * bytes, on the generated corpus and on packages with every feature the generator has, with
 * nothing, one version or the tagged versions hidden.
 */
class StreamingPackumentTest {

  private static final URI UPSTREAM = URI.create("http://127.0.0.1:9/");
  private static final String BASE = "http://127.0.0.1:4873/";

  @Test
  void indexMatchesTheTreeReadingOfEveryGeneratedPackage() throws Exception {
    for (GeneratedPackage pkg : packages()) {
      byte[] json = NpmJson.MAPPER.writeValueAsBytes(Packuments.full(pkg, UPSTREAM));
      PackageName name = PackageName.parse(pkg.name());
      PackumentIndex index = PackumentIndex.parse(name, json, UPSTREAM);
      JsonNode tree = NpmJson.MAPPER.readTree(json);

      assertThat(index.versions().keySet()).containsExactlyElementsOf(
          () -> tree.path("versions").fieldNames());
      assertThat(index.dropped()).isEmpty();
      assertThat(index.distTags()).isEqualTo(pkg.distTags());
      assertThat(index.created()).isEqualTo(NpmJson.instant(tree.at("/time/created")));
      assertThat(index.modified()).isEqualTo(NpmJson.instant(tree.at("/time/modified")));
      List<Object> expectedFacts = new ArrayList<>();
      for (Map.Entry<String, JsonNode> v : tree.path("versions").properties()) {
        Instant at = NpmJson.instant(tree.path("time").path(v.getKey()));
        expectedFacts.add(VersionFactsReader.read(v.getKey(), v.getValue(), at));
        VersionEntry entry = index.versions().get(v.getKey());
        assertThat(entry.upstreamTarball()).isEqualTo(v.getValue().at("/dist/tarball").asText());
        assertThat(entry.publishedAt()).isEqualTo(at);
        assertThat(entry.publisher()).isEqualTo(v.getValue().at("/_npmUser/name").asText());
        assertThat(entry.digest()).isEqualTo(Integrity.expected(
            NpmJson.text(v.getValue().at("/dist/integrity")),
            NpmJson.text(v.getValue().at("/dist/shasum"))));
      }
      assertThat(index.facts("u").versions()).containsExactlyElementsOf(
          expectedFacts.stream().map(dev.lazaret.policy.VersionFacts.class::cast).toList());
    }
  }

  @Test
  void bothFormsAreByteForByteWhatTheTreeRendererWrote() throws Exception {
    int compared = 0;
    for (GeneratedPackage pkg : packages()) {
      byte[] json = NpmJson.MAPPER.writeValueAsBytes(Packuments.full(pkg, UPSTREAM));
      PackumentIndex index = PackumentIndex.parse(PackageName.parse(pkg.name()), json, UPSTREAM);
      for (VisibleVersions visible : visibilities(index)) {
        PackumentRenderer.Rendered streamed = PackumentRenderer.render(index, json, visible, BASE);
        TreePackumentRenderer.Rendered tree = TreePackumentRenderer.render(index, json, visible,
            BASE);
        assertThat(new String(streamed.full(), "UTF-8"))
            .isEqualTo(new String(tree.full(), "UTF-8"));
        assertThat(new String(streamed.abbreviated(), "UTF-8"))
            .isEqualTo(new String(tree.abbreviated(), "UTF-8"));
        compared++;
      }
      for (String version : index.versions().keySet()) {
        assertThat(PackumentRenderer.renderVersion(index, json, version, BASE).orElseThrow())
            .isEqualTo(TreePackumentRenderer.renderVersion(index, json, version, BASE)
                .orElseThrow());
      }
    }
    assertThat(compared).isGreaterThan(30);
  }

  @Test
  void membersInAnyOrderAndOddTopLevelValuesRenderAsTheTreeDid() throws Exception {
    // versions before name, time after dist-tags, no dist-tags at all, numbers of every kind.
    String doc = """
        {"versions":{"1.0.0":{"name":"odd","version":"1.0.0","n":[1,-0,1.5e3,12345678901234567890,
           -2.5E-3,true,null],"dist":{"tarball":"/odd/-/odd-1.0.0.tgz"}},
           "2.0.0":{"version":"2.0.0","dist":{"tarball":"http://127.0.0.1:9/odd/-/odd-2.0.0.tgz"}}},
         "name":"odd","readme":"caf\\u00e9 \\"quoted\\" \\ud83d\\ude00","count":7,"nothing":null,
         "time":{"2.0.0":"2020-01-01T00:00:00.000Z","modified":"2021-01-01T00:00:00.000Z"}}
        """;
    byte[] json = doc.getBytes("UTF-8");
    PackumentIndex index = PackumentIndex.parse(PackageName.parse("odd"), json, UPSTREAM);
    assertThat(index.versions().get("1.0.0").upstreamTarball())
        .isEqualTo("http://127.0.0.1:9/odd/-/odd-1.0.0.tgz");
    for (VisibleVersions visible : visibilities(index)) {
      assertThat(PackumentRenderer.render(index, json, visible, BASE).full())
          .isEqualTo(TreePackumentRenderer.render(index, json, visible, BASE).full());
      assertThat(PackumentRenderer.render(index, json, visible, BASE).abbreviated())
          .isEqualTo(TreePackumentRenderer.render(index, json, visible, BASE).abbreviated());
    }
  }

  @Test
  void aMemberGivenTwiceCountsWithItsLastValueAsInATree() throws Exception {
    String doc = """
        {"name":"dup","dist-tags":{"latest":"1.0.0"},
         "versions":{"1.0.0":{"version":"1.0.0","dist":{"tarball":"http://127.0.0.1:9/a.tgz"}}},
         "versions":{"2.0.0":{"version":"2.0.0","dist":{"tarball":"http://127.0.0.1:9/b.tgz"}},
                     "2.0.0":{"version":"2.0.0","dist":{"tarball":"http://127.0.0.1:9/c.tgz"}}},
         "dist-tags":{"latest":"2.0.0"}}
        """;
    byte[] json = doc.getBytes("UTF-8");
    PackumentIndex index = PackumentIndex.parse(PackageName.parse("dup"), json, UPSTREAM);
    assertThat(index.versions()).containsOnlyKeys("2.0.0");
    assertThat(index.versions().get("2.0.0").tarballFile()).isEqualTo("c.tgz");
    assertThat(index.distTags()).containsExactlyEntriesOf(Map.of("latest", "2.0.0"));
    VisibleVersions all = VisibleVersions.of(index, verdicts(Map.of()));
    assertThat(PackumentRenderer.render(index, json, all, BASE).full())
        .isEqualTo(TreePackumentRenderer.render(index, json, all, BASE).full());
    byte[] manifest = PackumentRenderer.renderVersion(index, json, "2.0.0", BASE).orElseThrow();
    assertThat(NpmJson.MAPPER.readTree(manifest).at("/dist/tarball").asText())
        .isEqualTo(BASE + "dup/-/c.tgz");
  }

  /** The corpus plus packages using scripts, provenance, deprecation and bare shasums. */
  private static List<GeneratedPackage> packages() {
    PackageGenerator gen = PackageGenerator.seeded(11);
    List<GeneratedPackage> all = new ArrayList<>(gen.corpus().packages());
    all.add(gen.pkg("@feat/everything")
        .version("1.0.0", v -> v.preinstall("node pre.js").publishedBy("alice"))
        .version("1.1.0", v -> v.withProvenance().script("test", "jest"))
        .version("1.2.0-rc.1", v -> v.deprecated("use 1.1.0").legacyShasumOnly())
        .version("2.0.0", v -> v.script("postinstall", "node post.js"))
        .distTag("next", "1.2.0-rc.1")
        .done());
    return all;
  }

  /** Nothing hidden, each version hidden alone, and every tagged version hidden at once. */
  private static List<VisibleVersions> visibilities(PackumentIndex index) {
    Verdict hold = new Verdict.Hold(Instant.parse("2030-01-01T00:00:00Z"), List.of("test"));
    List<VisibleVersions> all = new ArrayList<>();
    all.add(VisibleVersions.of(index, verdicts(Map.of())));
    for (String v : index.versions().keySet()) {
      all.add(VisibleVersions.of(index, verdicts(Map.of(v, hold))));
    }
    Map<String, Verdict> tagged = new HashMap<>();
    index.distTags().values().forEach(v -> tagged.put(v, hold));
    all.add(VisibleVersions.of(index, verdicts(tagged)));
    return all;
  }

  private static PackageVerdict verdicts(Map<String, Verdict> v) {
    return new PackageVerdict(v, Optional.empty());
  }
}
