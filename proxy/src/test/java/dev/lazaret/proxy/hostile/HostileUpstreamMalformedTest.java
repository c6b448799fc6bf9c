package dev.lazaret.proxy.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lazaret.proxy.it.MutableClock;
import dev.lazaret.proxy.it.RunningProxy;
import dev.lazaret.proxy.npm.MalformedPackumentException;
import dev.lazaret.proxy.npm.PackageName;
import dev.lazaret.proxy.npm.PackumentIndex;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.GeneratedVersion;
import dev.lazaret.proxy.testing.PackageGenerator;
import dev.lazaret.proxy.testing.Tarball;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An upstream that answers a revalidation with a document broken as a whole (issue 10, item 9,
 * document level): the last good copy is kept and served stale, nothing is recorded as removed,
 * and the refusal is counted.
 */
class HostileUpstreamMalformedTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TTL = Duration.ofMinutes(5);
  private static final String VERSIONS_NOT_AN_OBJECT = "{\"name\":\"left-pad\",\"versions\":\"x\"}";

  private final GeneratedPackage pad = PackageGenerator.seeded(31).pkg("left-pad")
      .version("1.0.0").version("1.1.0").done();

  @TempDir Path data;
  private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
  private FakeUpstream upstream;
  private RunningProxy proxy;

  @BeforeEach
  void start() {
    upstream = FakeUpstream.start(clock).publish(pad);
    proxy = RunningProxy.start(upstream, data, clock, s -> s.withPackumentTtl(TTL));
  }

  @AfterEach
  void stop() {
    if (proxy != null) {
      proxy.close();
    }
    upstream.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"<html>maintenance</html>", "[1, 2, 3]", "\"left-pad\"", "{\"versions\":",
      "null"})
  void aBrokenDocumentKeepsTheLastGoodCopy(String body) throws IOException {
    keepsTheLastGoodCopyWhenUpstreamAnswers(body);
  }

  @Test
  void versionsThatAreNotAnObjectDoNotMarkEveryCachedVersionRemoved() throws IOException {
    // The document-level contract of PackumentIndex: such a document is malformed as a whole.
    assumeTrue(isMalformedAsAWhole(VERSIONS_NOT_AN_OBJECT),
        "PackumentIndex does not yet refuse a non-object 'versions'");
    keepsTheLastGoodCopyWhenUpstreamAnswers(VERSIONS_NOT_AN_OBJECT);
  }

  private void keepsTheLastGoodCopyWhenUpstreamAnswers(String body) throws IOException {
    GeneratedVersion v = pad.version("1.1.0");
    HttpResponse<byte[]> good = proxy.get("/left-pad");
    assertThat(good.statusCode()).isEqualTo(200);
    assertThat(proxy.get(v.tarballPath()).statusCode()).isEqualTo(200);

    upstream.override(path -> path.equals("/left-pad"), exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    clock.advance(TTL.plusSeconds(1));

    HttpResponse<byte[]> stale = proxy.get("/left-pad");
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.headers().firstValue("X-Lazaret-Cache")).contains("stale");
    assertThat(stale.body()).isEqualTo(good.body());

    // Nothing was recorded as removed: every version and tarball is still served.
    HttpResponse<byte[]> manifest = proxy.get("/left-pad/1.1.0");
    assertThat(manifest.statusCode()).isEqualTo(200);
    HttpResponse<byte[]> tarball = proxy.get(v.tarballPath());
    assertThat(tarball.statusCode()).isEqualTo(200);
    assertThat(Tarball.integrityOf(tarball.body())).isEqualTo(v.tarball().integrity());
    assertThat(malformedCount()).isPositive();

    // Once the upstream is sane again (after the failure backoff), the copy is revalidated.
    upstream.heal();
    clock.advance(Duration.ofSeconds(11));
    HttpResponse<byte[]> back = proxy.get("/left-pad");
    assertThat(back.headers().firstValue("X-Lazaret-Cache")).contains("revalidated");
    JsonNode doc = JSON.readTree(back.body());
    assertThat(doc.path("versions").has("1.0.0")).isTrue();
    assertThat(doc.path("versions").has("1.1.0")).isTrue();
  }

  private double malformedCount() {
    String metrics = new String(proxy.getAdmin("/metrics").body(), StandardCharsets.UTF_8);
    return metrics.lines().filter(l -> l.startsWith("lazaret_upstream_malformed_packuments_total "))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst()
        .orElse(0);
  }

  private static boolean isMalformedAsAWhole(String json) {
    try {
      PackumentIndex.parse(PackageName.parse("left-pad"), json.getBytes(StandardCharsets.UTF_8),
          URI.create("http://127.0.0.1:1/"));
      return false;
    } catch (MalformedPackumentException e) {
      return true;
    }
  }
}
