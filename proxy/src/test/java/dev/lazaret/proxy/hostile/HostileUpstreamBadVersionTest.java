package dev.lazaret.proxy.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazaret.proxy.it.RunningProxy;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.PackageGenerator;
import dev.lazaret.proxy.testing.Packuments;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 9, through a real Lazaret: an upstream packument with one malformed version
 * (a tarball URL {@code java.net.URI} refuses, a version that is not an object) is served without
 * that version, its other versions and tarballs work, and the drop is counted in the metrics.
 * Before, the whole packument answered 500.
 */
class HostileUpstreamBadVersionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final GeneratedPackage mixed = PackageGenerator.seeded(3).pkg("mixed")
      .version("1.0.0").version("2.0.0").done();

  @TempDir Path data;
  private FakeUpstream upstream;
  private RunningProxy proxy;

  @BeforeEach
  void start() {
    upstream = FakeUpstream.start().publish(mixed);
    proxy = RunningProxy.start(upstream, data);
  }

  @AfterEach
  void stop() {
    proxy.close();
    upstream.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"bad-uri", "not-an-object", "number-version"})
  void oneMalformedVersionIsDroppedAndTheRestServed(String kind) throws IOException {
    servePackumentWith(doc -> {
      ObjectNode versions = (ObjectNode) doc.get("versions");
      ObjectNode bad = versions.get("1.0.0").deepCopy();
      bad.put("version", "1.5.0");
      switch (kind) {
        case "bad-uri" -> ((ObjectNode) bad.get("dist"))
            .put("tarball", upstream.url() + "mixed/-/mixed 1.5.0.tgz");
        case "number-version" -> bad.put("version", 150);
        default -> { }
      }
      versions.set("1.5.0", kind.equals("not-an-object") ? JSON.getNodeFactory().textNode("x") : bad);
      ((ObjectNode) doc.get("time")).put("1.5.0", "2024-06-01T00:00:00.000Z");
    });

    HttpResponse<byte[]> full = proxy.get("/mixed");
    assertThat(full.statusCode()).isEqualTo(200);
    JsonNode served = JSON.readTree(full.body());
    assertThat(served.path("versions").has("1.5.0")).isFalse();
    assertThat(served.path("time").has("1.5.0")).isFalse();
    assertThat(served.path("versions").has("1.0.0")).isTrue();
    assertThat(served.at("/dist-tags/latest").asText()).isEqualTo("2.0.0");

    HttpResponse<byte[]> abbreviated = proxy.send(proxy.request("/mixed")
        .header("Accept", Packuments.ABBREVIATED).GET().build());
    assertThat(abbreviated.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(abbreviated.body()).path("versions").has("1.5.0")).isFalse();

    assertThat(proxy.get("/mixed/2.0.0").statusCode()).isEqualTo(200);
    assertThat(proxy.get("/mixed/1.5.0").statusCode()).isEqualTo(404);
    HttpResponse<byte[]> tarball = proxy.get("/mixed/-/mixed-2.0.0.tgz");
    assertThat(tarball.statusCode()).isEqualTo(200);
    assertThat(tarball.body()).isEqualTo(mixed.version("2.0.0").tarball().bytes());

    String metrics = new String(proxy.getAdmin("/metrics").body(), StandardCharsets.UTF_8);
    assertThat(metrics).containsPattern("lazaret_packument_versions_dropped_total [1-9]");
  }

  /** Serves the generated packument of {@code mixed}, edited, in place of the registry's. */
  private void servePackumentWith(Consumer<ObjectNode> edit) {
    ObjectNode doc = Packuments.full(mixed, upstream.url());
    edit.accept(doc);
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(doc);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    upstream.override("/mixed"::equals, exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
  }
}
