package dev.lazaret.proxy.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lazaret.proxy.it.MutableClock;
import dev.lazaret.proxy.it.RunningProxy;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.PackageGenerator;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names the upstream answered 404 for, asked again while it is down (issue 10, item 6): npm's
 * optional platform packages must stay 404s, not become 502s that npm retries with back-off.
 */
class HostileUpstreamAbsentTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PAST_NEGATIVE_TTL = Duration.ofSeconds(31);
  private static final String MISSING = "/@esbuild/aix-ppc64";

  @TempDir Path data;
  private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
  private FakeUpstream upstream;
  private RunningProxy proxy;

  @BeforeEach
  void start() {
    upstream = FakeUpstream.start(clock)
        .publish(PackageGenerator.seeded(5).pkg("esbuild").version("0.25.0").done());
    proxy = RunningProxy.start(upstream, data, clock, s -> s);
  }

  @AfterEach
  void stop() {
    if (proxy != null) {
      proxy.close();
    }
    upstream.close();
  }

  @Test
  void aNameTheUpstreamDidNotHaveStaysA404WhileTheUpstreamIsDown() throws IOException {
    assertThat(proxy.get(MISSING).statusCode()).isEqualTo(404);
    upstream.stop();
    clock.advance(PAST_NEGATIVE_TTL);

    HttpResponse<byte[]> r = proxy.get(MISSING);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(r.body()).path("error").asText()).contains("@esbuild/aix-ppc64");
    // A name never asked about is still an honest 502: Lazaret does not know.
    assertThat(proxy.get("/never-asked-about").statusCode()).isEqualTo(502);
  }

  @Test
  void andAfterARestart() {
    assertThat(proxy.get(MISSING).statusCode()).isEqualTo(404);
    upstream.stop();
    proxy.restart();
    clock.advance(PAST_NEGATIVE_TTL);

    assertThat(proxy.get(MISSING).statusCode()).isEqualTo(404);
    assertThat(proxy.get(MISSING + "/-/aix-ppc64-0.25.0.tgz").statusCode()).isEqualTo(404);
  }

  @Test
  void whileTheUpstreamIsUpItIsAskedAgainAfterTheNegativeTtl() {
    assertThat(proxy.get(MISSING).statusCode()).isEqualTo(404);
    upstream.publish(PackageGenerator.seeded(6).pkg("@esbuild/aix-ppc64").version("0.25.0")
        .done());
    clock.advance(PAST_NEGATIVE_TTL);

    assertThat(proxy.get(MISSING).statusCode()).isEqualTo(200);
    assertThat(upstream.requestCount(MISSING)).isEqualTo(2);

    // Published since: no longer remembered as absent, so an outage is a stale copy, not a 404.
    upstream.stop();
    clock.advance(Duration.ofDays(1));
    assertThat(proxy.get(MISSING).statusCode()).isEqualTo(200);
  }
}
