package dev.lazaret.proxy.npm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazaret.policy.PackageVerdict;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The packument parser on arbitrary input: it gives an index or a
 * {@link MalformedPackumentException}, never another exception; and whatever it accepts renders
 * (both forms and every version) without failing, listing exactly the indexed versions.
 */
class PackumentParserPropertiesTest {

  private static final URI UPSTREAM = URI.create("http://127.0.0.1:9/");
  private static final String BASE = "http://127.0.0.1:4873/";
  private static final PackageName NAME = PackageName.parse("prop");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Keys a packument uses, so random documents reach the parser's interesting paths. */
  private static final List<String> KEYS = List.of("name", "versions", "time", "dist-tags",
      "dist", "tarball", "integrity", "shasum", "version", "_npmUser", "maintainers", "scripts",
      "postinstall", "created", "modified", "latest", "1.0.0", "2.0.0-rc.1", "", "attestations",
      "url", "provenance", "fileCount", "unpackedSize", "hasInstallScript");

  /** Strings a hostile upstream writes where URLs, versions and times go. */
  private static final List<String> TEXTS = List.of("http://127.0.0.1:9/prop/-/prop-1.0.0.tgz",
      "http://a b/c.tgz", "%zz", "http://[::1/x.tgz", "::", "../../etc/passwd", "prop-1.0.0.tgz",
      "?q=1", "sha512-AAAA", "sha1-", "2020-01-01T00:00:00.000Z", "not a time", "1.0.0", "latest",
      "alice <a@x>", "", "\u0000", "\ud83d\ude00", "12");

  @Property(tries = 400)
  void arbitraryDocumentsGiveAnIndexOrATypedError(@ForAll("documents") byte[] json) {
    check(json);
  }

  @Property(tries = 400)
  void packumentShapedDocumentsGiveAnIndexOrATypedError(@ForAll("packuments") JsonNode doc)
      throws Exception {
    byte[] json = NpmJson.MAPPER.writeValueAsBytes(doc);
    check(json);
    // Any prefix of a document is truncated JSON, a typed error too.
    for (int cut : new int[] {1, json.length / 3, json.length / 2, json.length - 1}) {
      check(Arrays.copyOf(json, Math.max(0, cut)));
    }
  }

  @Property(tries = 200)
  void arbitraryBytesGiveAnIndexOrATypedError(@ForAll byte[] bytes) {
    check(bytes);
  }

  private static void check(byte[] json) {
    PackumentIndex index;
    try {
      index = PackumentIndex.parse(NAME, json, UPSTREAM);
    } catch (MalformedPackumentException e) {
      Statistics.collect("refused");
      return;
    }
    Statistics.collect(index.versions().isEmpty() ? "no versions"
        : index.dropped().isEmpty() ? "versions" : "versions, some dropped");
    VisibleVersions all = VisibleVersions.of(index, PackageVerdict.allowing(index.versions().keySet()));
    PackumentRenderer.Rendered rendered = PackumentRenderer.render(index, json, all, BASE);
    for (byte[] form : List.of(rendered.full(), rendered.abbreviated())) {
      JsonNode doc = readTree(form);
      // A document without versions (an unpublished package) keeps none in its full form.
      assertThat(doc.path("versions").isObject() || doc.path("versions").isMissingNode()).isTrue();
      assertThat(doc.path("versions").properties().stream().map(Map.Entry::getKey))
          .containsExactlyElementsOf(index.versions().keySet());
    }
    for (String version : index.versions().keySet()) {
      assertThat(PackumentRenderer.renderVersion(index, json, version, BASE)).isPresent();
    }
  }

  private static JsonNode readTree(byte[] json) {
    try {
      return NpmJson.MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError("rendered output is not JSON: " + e.getMessage(), e);
    }
  }

  @Provide
  Arbitrary<byte[]> documents() {
    return Arbitraries.oneOf(
        json(4).map(PackumentParserPropertiesTest::bytes),
        Arbitraries.strings().ofMaxLength(200).map(s -> s.getBytes(StandardCharsets.UTF_8)),
        Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+ truefalsn\\u").ofMaxLength(120)
            .map(s -> s.getBytes(StandardCharsets.UTF_8)));
  }

  @Provide
  Arbitrary<JsonNode> packuments() {
    Arbitrary<JsonNode> version = Arbitraries.oneOf(manifest(), manifest(), manifest(), json(2));
    Arbitrary<JsonNode> versions = Arbitraries.oneOf(
        Arbitraries.maps(key(), version).ofMaxSize(6).map(PackumentParserPropertiesTest::object),
        Arbitraries.maps(key(), version).ofMaxSize(6).map(PackumentParserPropertiesTest::object),
        json(2));
    Arbitrary<JsonNode> strings = Arbitraries.maps(key(), Arbitraries.oneOf(text(), json(1)))
        .ofMaxSize(6).map(PackumentParserPropertiesTest::object);
    return Combinators.combine(json(1), versions, Arbitraries.oneOf(strings, json(1)),
        Arbitraries.oneOf(strings, json(1)), Arbitraries.integers().between(0, 4))
        .as((name, vs, time, tags, order) -> {
          ObjectNode doc = NODES.objectNode();
          // Members in varying order: the abbreviated form's order must not depend on it.
          List<String> names = List.of("name", "versions", "time", "dist-tags");
          for (int i = 0; i < names.size(); i++) {
            String key = names.get((i + order) % names.size());
            doc.set(key, switch (key) {
              case "name" -> name;
              case "versions" -> vs;
              case "time" -> time;
              default -> tags;
            });
          }
          return doc;
        });
  }

  private Arbitrary<JsonNode> manifest() {
    Arbitrary<JsonNode> dist = Arbitraries.maps(
        Arbitraries.of("tarball", "integrity", "shasum", "attestations", "fileCount"),
        Arbitraries.oneOf(text(), text(), json(2))).ofMaxSize(4)
        .map(PackumentParserPropertiesTest::object);
    return Combinators.combine(Arbitraries.oneOf(text(), json(1)), dist, json(2))
        .as((version, d, extra) -> {
          ObjectNode m = NODES.objectNode();
          m.set("version", version);
          m.set("dist", d);
          m.set("scripts", extra);
          m.set("maintainers", extra);
          m.set("_npmUser", extra);
          return m;
        });
  }

  private Arbitrary<JsonNode> json(int depth) {
    Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
        text(),
        Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i)),
        Arbitraries.doubles().map(d -> (JsonNode) NODES.numberNode(d)),
        Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
            .map(b -> (JsonNode) NODES.numberNode(b)),
        Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode()));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<JsonNode> inner = json(depth - 1);
    return Arbitraries.oneOf(leaf,
        Arbitraries.maps(key(), inner).ofMaxSize(4).map(PackumentParserPropertiesTest::object),
        inner.list().ofMaxSize(4).map(list -> {
          var array = NODES.arrayNode();
          list.forEach(array::add);
          return (JsonNode) array;
        }));
  }

  private static Arbitrary<String> key() {
    return Arbitraries.oneOf(Arbitraries.of(KEYS), Arbitraries.of(TEXTS),
        Arbitraries.strings().ofMaxLength(8));
  }

  private static Arbitrary<JsonNode> text() {
    return Arbitraries.oneOf(Arbitraries.of(TEXTS), Arbitraries.strings().ofMaxLength(16))
        .map(s -> (JsonNode) NODES.textNode(s));
  }

  private static JsonNode object(Map<String, JsonNode> members) {
    ObjectNode node = NODES.objectNode();
    members.forEach(node::set);
    return node;
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return NpmJson.MAPPER.writeValueAsBytes(node);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
