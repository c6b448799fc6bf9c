package dev.lazaret.proxy.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazaret.proxy.it.MutableClock;
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
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cached version that turns malformed upstream is not served while broken, but it is not
 * recorded as removed upstream: a removal record is permanent and would outlive the repair.
 */
class HostileUpstreamBadVersionRemovalTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TTL = Duration.ofMinutes(5);

  private final GeneratedPackage mixed = PackageGenerator.seeded(3).pkg("mixed")
      .version("1.0.0").version("2.0.0").done();

  @TempDir Path data;
  private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
  private FakeUpstream upstream;
  private RunningProxy proxy;

  @BeforeEach
  void start() {
    upstream = FakeUpstream.start(clock).publish(mixed);
    proxy = RunningProxy.start(upstream, data, clock, s -> s.withPackumentTtl(TTL));
  }

  @AfterEach
  void stop() {
    proxy.close();
    upstream.close();
  }

  @Test
  void aVersionThatTurnsMalformedIsNotRecordedAsRemoved() throws IOException {
    assertThat(proxy.get("/mixed/1.0.0").statusCode()).isEqualTo(200);

    ObjectNode doc = Packuments.full(mixed, upstream.url());
    ((ObjectNode) doc.at("/versions/1.0.0/dist"))
        .put("tarball", upstream.url() + "mixed/-/mixed 1.0.0.tgz");
    byte[] body = JSON.writeValueAsBytes(doc);
    upstream.override("/mixed"::equals, exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    clock.advance(TTL.plusSeconds(1));

    HttpResponse<byte[]> revalidated = proxy.get("/mixed");
    assertThat(revalidated.statusCode()).isEqualTo(200);
    assertThat(revalidated.headers().firstValue("X-Lazaret-Cache")).contains("revalidated");
    JsonNode served = JSON.readTree(revalidated.body());
    assertThat(served.path("versions").has("1.0.0")).isFalse();
    assertThat(served.path("versions").has("2.0.0")).isTrue();

    HttpResponse<byte[]> version = proxy.get("/mixed/1.0.0");
    assertThat(version.statusCode()).isEqualTo(404);
    assertThat(new String(version.body(), StandardCharsets.UTF_8)).doesNotContain("removed");
    assertThat(new String(version.body(), StandardCharsets.UTF_8)).contains("not found");

    // Repaired upstream: served again after the next revalidation.
    upstream.heal();
    clock.advance(TTL.plusSeconds(1));
    assertThat(proxy.get("/mixed/1.0.0").statusCode()).isEqualTo(200);
  }
}
