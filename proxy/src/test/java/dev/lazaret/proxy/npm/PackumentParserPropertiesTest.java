package dev.lazaret.proxy.npm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazaret.policy.PackageVerdict;
import dev.lazaret.proxy.testing.Gen;
import dev.lazaret.proxy.testing.Property;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

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

  /** What {@link #check} saw: outcome to count, so a property shows it reached its paths. */
  private final Map<String, Integer> outcomes = new TreeMap<>();

  @Test
  void arbitraryDocumentsGiveAnIndexOrATypedError() {
    Property.forAll(400, documents(), this::check);
    assertThat(outcomes).containsKeys("refused", "no versions");
  }

  @Test
  void packumentShapedDocumentsGiveAnIndexOrATypedError() {
    Property.forAll(400, packuments(), doc -> {
      byte[] json = NpmJson.MAPPER.writeValueAsBytes(doc);
      check(json);
      // Any prefix of a document is truncated JSON, a typed error too.
      for (int cut : new int[] {1, json.length / 3, json.length / 2, json.length - 1}) {
        check(Arrays.copyOf(json, Math.max(0, cut)));
      }
    });
    assertThat(outcomes).containsKeys("refused", "no versions", "versions",
        "versions, some dropped");
  }

  @Test
  void arbitraryBytesGiveAnIndexOrATypedError() {
    Property.forAll(200, Gen.bytes(255), this::check);
    assertThat(outcomes).containsKey("refused");
  }

  private void check(byte[] json) {
    PackumentIndex index;
    try {
      index = PackumentIndex.parse(NAME, json, UPSTREAM);
    } catch (MalformedPackumentException e) {
      outcomes.merge("refused", 1, Integer::sum);
      return;
    }
    outcomes.merge(index.versions().isEmpty() ? "no versions"
        : index.dropped().isEmpty() ? "versions" : "versions, some dropped", 1, Integer::sum);
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

  private static Gen<byte[]> documents() {
    return Gen.oneOf(
        json(4).map(PackumentParserPropertiesTest::bytes),
        Gen.strings(200).map(s -> s.getBytes(StandardCharsets.UTF_8)),
        Gen.strings("{}[]\":,0123456789.eE-+ truefalsn\\u", 120)
            .map(s -> s.getBytes(StandardCharsets.UTF_8)));
  }

  private static Gen<JsonNode> packuments() {
    Gen<JsonNode> version = Gen.oneOf(manifest(), manifest(), manifest(), json(2));
    Gen<JsonNode> versions = Gen.oneOf(
        Gen.maps(key(), version, 6).map(PackumentParserPropertiesTest::object),
        Gen.maps(key(), version, 6).map(PackumentParserPropertiesTest::object),
        json(2));
    Gen<JsonNode> strings = Gen.maps(key(), Gen.oneOf(text(), json(1)), 6)
        .map(PackumentParserPropertiesTest::object);
    Gen<JsonNode> name = json(1);
    Gen<JsonNode> timeOrTags = Gen.oneOf(strings, json(1));
    Gen<Integer> orders = Gen.integers(0, 4);
    return random -> {
      JsonNode nameValue = name.next(random);
      JsonNode vs = versions.next(random);
      JsonNode time = timeOrTags.next(random);
      JsonNode tags = timeOrTags.next(random);
      int order = orders.next(random);
      ObjectNode doc = NODES.objectNode();
      // Members in varying order: the abbreviated form's order must not depend on it.
      List<String> names = List.of("name", "versions", "time", "dist-tags");
      for (int i = 0; i < names.size(); i++) {
        String key = names.get((i + order) % names.size());
        doc.set(key, switch (key) {
          case "name" -> nameValue;
          case "versions" -> vs;
          case "time" -> time;
          default -> tags;
        });
      }
      return doc;
    };
  }

  private static Gen<JsonNode> manifest() {
    Gen<JsonNode> dist = Gen.maps(
        Gen.of("tarball", "integrity", "shasum", "attestations", "fileCount"),
        Gen.oneOf(text(), text(), json(2)), 4)
        .map(PackumentParserPropertiesTest::object);
    Gen<JsonNode> version = Gen.oneOf(text(), json(1));
    Gen<JsonNode> extras = json(2);
    return random -> {
      JsonNode v = version.next(random);
      JsonNode d = dist.next(random);
      JsonNode extra = extras.next(random);
      ObjectNode m = NODES.objectNode();
      m.set("version", v);
      m.set("dist", d);
      m.set("scripts", extra);
      m.set("maintainers", extra);
      m.set("_npmUser", extra);
      return m;
    };
  }

  private static Gen<JsonNode> json(int depth) {
    Gen<JsonNode> leaf = Gen.oneOf(
        text(),
        Gen.integers().map(i -> (JsonNode) NODES.numberNode(i)),
        Gen.doubles().map(d -> (JsonNode) NODES.numberNode(d)),
        Gen.bigIntegers(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
            .map(b -> (JsonNode) NODES.numberNode(b)),
        Gen.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode()));
    if (depth == 0) {
      return leaf;
    }
    Gen<JsonNode> inner = json(depth - 1);
    return Gen.oneOf(leaf,
        Gen.maps(key(), inner, 4).map(PackumentParserPropertiesTest::object),
        inner.list(4).map(list -> {
          var array = NODES.arrayNode();
          list.forEach(array::add);
          return (JsonNode) array;
        }));
  }

  private static Gen<String> key() {
    return Gen.oneOf(Gen.of(KEYS), Gen.of(TEXTS), Gen.strings(8));
  }

  private static Gen<JsonNode> text() {
    return Gen.oneOf(Gen.of(TEXTS), Gen.strings(16)).map(s -> (JsonNode) NODES.textNode(s));
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
