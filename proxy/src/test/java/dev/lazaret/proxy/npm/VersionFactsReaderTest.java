package dev.lazaret.proxy.npm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.PackageFacts;
import dev.lazaret.policy.VersionFacts;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The policy facts read from a full packument. */
class VersionFactsReaderTest {

  private static final String DOC = """
      {"name": "thing",
       "time": {"created": "2020-01-01T00:00:00.000Z", "1.0.0": "2020-01-01T00:00:00.000Z",
                "1.1.0": "2026-01-02T03:04:05.000Z"},
       "versions": {
         "1.0.0": {"_npmUser": {"name": "alice"}, "maintainers": [{"name": "alice"}, "bob <b@x>"],
                   "dist": {"tarball": "http://u/thing/-/thing-1.0.0.tgz", "fileCount": 12,
                            "unpackedSize": 3400,
                            "attestations": {"provenance": {"predicateType": "p"}}}},
         "1.1.0": {"_npmUser": {"name": "mallory"}, "maintainers": [{"name": "alice"}],
                   "scripts": {"postinstall": "node x.js", "test": "jest"},
                   "dist": {"tarball": "http://u/thing/-/thing-1.1.0.tgz", "fileCount": "2"}}
       }}
      """;

  @Test
  void readsPublisherMaintainersScriptsSizesAndProvenance() {
    PackageFacts facts = PackumentIndex.parse(PackageName.parse("thing"),
        DOC.getBytes(StandardCharsets.UTF_8), URI.create("http://u/")).facts("internal");
    assertThat(facts.name()).isEqualTo("thing");
    assertThat(facts.upstream()).isEqualTo("internal");
    assertThat(facts.created()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));

    VersionFacts first = facts.versions().get(0);
    assertThat(first.publisher()).isEqualTo("alice");
    assertThat(first.maintainers()).containsExactly("alice", "bob");
    assertThat(first.installScripts()).isEmpty();
    assertThat(first.fileCount()).hasValue(12);
    assertThat(first.unpackedSize()).hasValue(3400);
    assertThat(first.provenance()).isTrue();

    VersionFacts second = facts.versions().get(1);
    assertThat(second.publishedAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(second.publisher()).isEqualTo("mallory");
    assertThat(second.installScripts()).containsExactly("postinstall");
    assertThat(second.fileCount()).hasValue(2);
    assertThat(second.unpackedSize()).isEmpty();
    assertThat(second.provenance()).isFalse();
  }
}
