package dev.lazaret.proxy.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lazaret.proxy.config.QuarantineSettings;
import dev.lazaret.proxy.config.Settings;
import dev.lazaret.proxy.config.UpstreamRoute;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.PackageGenerator;
import dev.lazaret.proxy.testing.Tarball;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two upstreams: an internal registry that alone serves {@code acme-*} and {@code @acme/*}, and a
 * public one where an attacker published {@code acme-billing@99.0.0}. The protected names must
 * come from the internal upstream only, whatever version the public one has.
 */
class DependencyConfusionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

  private final PackageGenerator gen = PackageGenerator.seeded(5).at(NOW);
  private final MutableClock clock = new MutableClock(NOW);
  private final GeneratedPackage internalBilling = gen.pkg("acme-billing").maintainer("acme-ci")
      .version("1.0.0", v -> v.publishedAgo(Duration.ofDays(200)))
      .version("1.1.0", v -> v.publishedAgo(Duration.ofDays(40)))
      .done();
  private final GeneratedPackage internalScoped = gen.pkg("@acme/ui").maintainer("acme-ci")
      .version("2.0.0", v -> v.publishedAgo(Duration.ofDays(90)))
      .done();
  private final GeneratedPackage attack = gen.pkg("acme-billing").maintainer("x7f3k9q2")
      .version("99.0.0", v -> v.publishedAgo(Duration.ofDays(30))
          .preinstall("node -e \"fetch('http://127.0.0.1:9/')\""))
      .done();
  private final GeneratedPackage publicScoped = gen.pkg("@acme/ui").maintainer("x7f3k9q2")
      .version("99.0.0", v -> v.publishedAgo(Duration.ofDays(30)))
      .done();
  private final GeneratedPackage leftPad = gen.pkg("left-pad").maintainer("stevemao")
      .version("1.3.0", v -> v.publishedAgo(Duration.ofDays(900)))
      .done();

  @TempDir Path data;
  private FakeUpstream internal;
  private FakeUpstream internet;
  private RunningProxy proxy;

  @BeforeEach
  void upstreams() {
    internal = FakeUpstream.start(clock).publish(internalBilling, internalScoped);
    internet = FakeUpstream.start(clock).publish(attack, publicScoped, leftPad);
  }

  @AfterEach
  void stop() {
    if (proxy != null) {
      proxy.close();
    }
    internal.close();
    internet.close();
  }

  private UnaryOperator<Settings> routed() {
    return s -> s.withQuarantine(QuarantineSettings.defaults()).withRoutes(List.of(
        new UpstreamRoute("internal", internal.url(), List.of("acme-*", "@acme/*"))));
  }

  @Test
  void protectedNamesComeFromTheInternalUpstreamOnly() throws IOException {
    proxy = RunningProxy.start(internet, data, clock, routed());

    JsonNode billing = JSON.readTree(proxy.get("/acme-billing").body());
    assertThat(billing.path("versions").fieldNames()).toIterable()
        .containsExactly("1.0.0", "1.1.0");
    assertThat(billing.path("dist-tags").path("latest").asText()).isEqualTo("1.1.0");
    HttpResponse<byte[]> tarball = proxy.get(internalBilling.version("1.1.0").tarballPath());
    assertThat(tarball.statusCode()).isEqualTo(200);
    assertThat(Tarball.integrityOf(tarball.body()))
        .isEqualTo(internalBilling.version("1.1.0").tarball().integrity());
    assertThat(proxy.get("/acme-billing/99.0.0").statusCode()).isEqualTo(404);

    JsonNode ui = JSON.readTree(proxy.get("/@acme%2fui").body());
    assertThat(ui.path("versions").fieldNames()).toIterable().containsExactly("2.0.0");

    // Unprotected names still come from the public upstream.
    assertThat(proxy.get("/left-pad").statusCode()).isEqualTo(200);

    // The public upstream was never even asked about the protected names.
    assertThat(internet.requests()).noneMatch(r -> r.decodedPath().contains("acme"));
    assertThat(internal.requests()).noneMatch(r -> r.decodedPath().contains("left-pad"));
  }

  @Test
  void aCopyCachedFromThePublicUpstreamIsNeverServedOnceTheNameIsProtected() {
    // Before the route was configured, the public 99.0.0 was fetched and cached.
    proxy = RunningProxy.start(internet, data, clock, s -> s);
    assertThat(proxy.get("/acme-billing").statusCode()).isEqualTo(200);
    proxy.close();

    // Now routed, with the internal registry down: the stale public copy must not be served.
    internal.stop();
    proxy = RunningProxy.start(internet, data, clock, routed());
    HttpResponse<byte[]> refused = proxy.get("/acme-billing");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(new String(refused.body())).contains("may only come from upstream 'internal'")
        .contains("dependency confusion");
    assertThat(proxy.get(attack.version("99.0.0").tarballPath()).statusCode()).isEqualTo(403);

    // Once the internal registry answers, its own versions are served.
    internal.restart();
    clock.advance(Duration.ofSeconds(11));
    HttpResponse<byte[]> served = proxy.get("/acme-billing");
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(new String(served.body())).contains("\"1.1.0\"").doesNotContain("99.0.0");
  }
}
