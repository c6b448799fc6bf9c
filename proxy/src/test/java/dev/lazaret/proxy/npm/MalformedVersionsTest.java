package dev.lazaret.proxy.npm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazaret.policy.PackageVerdict;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 10, item 9: one bad version must not poison a package. A malformed version is dropped
 * (and counted) and the rest served; a document that is not a packument is refused as a whole.
 */
class MalformedVersionsTest {

  private static final URI UPSTREAM = URI.create("http://127.0.0.1:9/");
  private static final String BASE = "http://127.0.0.1:4873/";
  private static final PackageName NAME = PackageName.parse("mixed");

  private static final String GOOD = """
      "1.0.0":{"name":"mixed","version":"1.0.0","dist":{"tarball":"http://127.0.0.1:9/mixed/-/mixed-1.0.0.tgz","shasum":"0123456789012345678901234567890123456789"}},
      "2.0.0":{"name":"mixed","version":"2.0.0","dist":{"tarball":"http://127.0.0.1:9/mixed/-/mixed-2.0.0.tgz","shasum":"0123456789012345678901234567890123456789"}}
      """;

  private static String packument(String badVersion) {
    return """
        {"name":"mixed","dist-tags":{"latest":"2.0.0"},
         "time":{"created":"2020-01-01T00:00:00.000Z","1.0.0":"2020-01-01T00:00:00.000Z",
                 "1.5.0":"2021-01-01T00:00:00.000Z","2.0.0":"2022-01-01T00:00:00.000Z"},
         "versions":{%s, "1.5.0":%s}}
        """.formatted(GOOD, badVersion);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // java.net.URI refuses these; the old index let the exception out: the whole packument 500
      "{\"version\":\"1.5.0\",\"dist\":{\"tarball\":\"http://127.0.0.1:9/mixed/-/mixed 1.5.0.tgz\"}}",
      "{\"version\":\"1.5.0\",\"dist\":{\"tarball\":\"http://[::1/mixed-1.5.0.tgz\"}}",
      "{\"version\":\"1.5.0\",\"dist\":{\"tarball\":\"%zz/mixed-1.5.0.tgz\"}}",
      "\"x\"",
      "[1,2]",
      "null",
      "{\"version\":7,\"dist\":{\"tarball\":\"http://127.0.0.1:9/mixed/-/mixed-1.5.0.tgz\"}}",
  })
  void aMalformedVersionIsDroppedCountedAndTheRestServed(String bad) throws Exception {
    byte[] json = packument(bad).getBytes(StandardCharsets.UTF_8);
    long before = PackumentIndex.droppedVersionsTotal();

    PackumentIndex index = PackumentIndex.parse(NAME, json, UPSTREAM);

    assertThat(index.versions()).containsOnlyKeys("1.0.0", "2.0.0");
    assertThat(index.dropped()).containsOnlyKeys("1.5.0");
    assertThat(PackumentIndex.droppedVersionsTotal()).isGreaterThanOrEqualTo(before + 1);

    VisibleVersions all = VisibleVersions.of(index, PackageVerdict.allowing(index.versions().keySet()));
    PackumentRenderer.Rendered rendered = PackumentRenderer.render(index, json, all, BASE);
    for (byte[] form : new byte[][] {rendered.full(), rendered.abbreviated()}) {
      JsonNode doc = NpmJson.MAPPER.readTree(form);
      assertThat(doc.path("versions").has("1.5.0")).isFalse();
      assertThat(doc.path("versions").has("2.0.0")).isTrue();
      // Its time entry goes too, as a hidden version's does.
      assertThat(doc.path("time").has("1.5.0")).isFalse();
      assertThat(doc.path("time").has("1.0.0")).isTrue();
    }
    assertThat(PackumentRenderer.renderVersion(index, json, "1.5.0", BASE)).isEmpty();
    assertThat(PackumentRenderer.renderVersion(index, json, "2.0.0", BASE)).isPresent();
  }

  @Test
  void aVersionLargerThanTheBoundIsDroppedUnread() {
    String huge = "{\"version\":\"1.5.0\",\"readme\":\"" + "a".repeat(PackumentIndex.MAX_VERSION_BYTES)
        + "\"}";
    PackumentIndex index = PackumentIndex.parse(NAME,
        packument(huge).getBytes(StandardCharsets.UTF_8), UPSTREAM);
    assertThat(index.versions()).containsOnlyKeys("1.0.0", "2.0.0");
    assertThat(index.dropped().get("1.5.0")).contains("larger than");
    assertThat(PackumentRenderer.manifest(packument(huge).getBytes(StandardCharsets.UTF_8),
        "1.5.0")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"name\":\"mixed\",\"versions\":\"x\"}",
      "{\"name\":\"mixed\",\"versions\":[]}",
      "{\"name\":\"mixed\",\"versions\":null}",
      "[]",
      "\"a packument\"",
      "",
      "{\"name\":\"mixed\",\"versions\":{\"1.0.0\":{}",
      "{\"name\": nope}",
  })
  void aDocumentThatIsNotAPackumentIsRefusedWhole(String doc) {
    // Dropping every version would read as "all unpublished": the caller keeps its last good copy.
    assertThatThrownBy(() -> PackumentIndex.parse(NAME, doc.getBytes(StandardCharsets.UTF_8),
        UPSTREAM)).isInstanceOf(MalformedPackumentException.class);
  }
}
