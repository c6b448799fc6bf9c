package dev.lazaret.proxy.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.GeneratedVersion;
import dev.lazaret.proxy.testing.PackageGenerator;
import dev.lazaret.proxy.testing.RecordedRequest;
import dev.lazaret.proxy.testing.Tarball;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TTLs, revalidation, stale serving, upstream failures and removals, through a real Lazaret. */
class CacheBehaviourTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TTL = Duration.ofMinutes(5);
  private static final Duration PAST_TTL = TTL.plusSeconds(1);
  private static final String CACHE = "X-Lazaret-Cache";

  private final PackageGenerator gen = PackageGenerator.seeded(11);
  private final GeneratedPackage pad = gen.pkg("left-pad")
      .version("1.0.0").version("1.1.0").version("1.3.0").done();

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

  @Test
  void withinTtlIsAHitWithoutAskingUpstream() {
    HttpResponse<byte[]> first = proxy.get("/left-pad");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue(CACHE)).contains("miss");
    assertThat(upstream.requestCount("/left-pad")).isEqualTo(1);

    clock.advance(TTL.minusSeconds(1));
    HttpResponse<byte[]> second = proxy.get("/left-pad");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.headers().firstValue(CACHE)).contains("hit");
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(upstream.requestCount("/left-pad")).isEqualTo(1);
  }

  @Test
  void pastTtlRevalidatesWithIfNoneMatch() {
    HttpResponse<byte[]> first = proxy.get("/left-pad");
    clock.advance(PAST_TTL);
    HttpResponse<byte[]> again = proxy.get("/left-pad");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.headers().firstValue(CACHE)).contains("revalidated");
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));

    List<RecordedRequest> packumentRequests = packumentRequests("/left-pad");
    assertThat(packumentRequests).hasSize(2);
    assertThat(packumentRequests.get(0).header("If-None-Match")).isEmpty();
    assertThat(packumentRequests.get(1).header("If-None-Match")).hasValueSatisfying(
        etag -> assertThat(etag).isNotBlank());

    // Revalidated means fresh again: the next request inside the TTL stays local.
    HttpResponse<byte[]> third = proxy.get("/left-pad");
    assertThat(third.headers().firstValue(CACHE)).contains("hit");
    assertThat(upstream.requestCount("/left-pad")).isEqualTo(2);
  }

  @Test
  void upstreamDownServesStalePackumentAndCachedTarball() {
    GeneratedVersion v = pad.version("1.1.0");
    HttpResponse<byte[]> packument = proxy.get("/left-pad");
    assertThat(proxy.get(v.tarballPath()).statusCode()).isEqualTo(200);
    upstream.stop();
    clock.advance(PAST_TTL);

    HttpResponse<byte[]> stale = proxy.get("/left-pad");
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.headers().firstValue(CACHE)).contains("stale");
    assertThat(stale.headers().firstValue("Warning")).hasValueSatisfying(
        w -> assertThat(w).startsWith("110 "));
    assertThat(stale.body()).isEqualTo(packument.body());

    HttpResponse<byte[]> tarball = proxy.get(v.tarballPath());
    assertThat(tarball.statusCode()).isEqualTo(200);
    assertThat(Tarball.integrityOf(tarball.body())).isEqualTo(v.tarball().integrity());
    assertThat(upstream.requestCount(v.tarballPath())).isEqualTo(1);
  }

  @Test
  void upstream503ServesStaleAndBacksOffForTenSeconds() {
    HttpResponse<byte[]> packument = proxy.get("/left-pad");
    upstream.fail(503);
    clock.advance(PAST_TTL);

    HttpResponse<byte[]> stale = proxy.get("/left-pad");
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.headers().firstValue(CACHE)).contains("stale");
    assertThat(stale.headers().firstValue("Warning")).hasValueSatisfying(
        w -> assertThat(w).startsWith("110 "));
    assertThat(stale.body()).isEqualTo(packument.body());
    assertThat(upstream.requestCount("/left-pad")).isEqualTo(2);

    // Within the backoff the stale copy is served without asking again.
    clock.advance(Duration.ofSeconds(9));
    assertThat(proxy.get("/left-pad").headers().firstValue(CACHE)).contains("stale");
    assertThat(upstream.requestCount("/left-pad")).isEqualTo(2);

    // After it, upstream is asked again; once healthy the copy is revalidated.
    upstream.heal();
    clock.advance(Duration.ofSeconds(2));
    HttpResponse<byte[]> back = proxy.get("/left-pad");
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(back.headers().firstValue(CACHE)).contains("revalidated");
    assertThat(back.headers().firstValue("Warning")).isEmpty();
    assertThat(upstream.requestCount("/left-pad")).isEqualTo(3);
  }

  @Test
  void anUnknownPackageIsRememberedForThirtySecondsThenAskedAgain() {
    HttpResponse<byte[]> first = proxy.get("/not-yet-there");
    assertThat(first.statusCode()).isEqualTo(404);
    assertThat(first.headers().firstValue(CACHE)).isEmpty();

    HttpResponse<byte[]> again = proxy.get("/not-yet-there");
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(again.headers().firstValue(CACHE)).contains("hit");
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(proxy.get("/not-yet-there/-/not-yet-there-1.0.0.tgz").statusCode()).isEqualTo(404);
    assertThat(upstream.requestCount("/not-yet-there")).isEqualTo(1);

    // Published meanwhile: visible once the remembered 404 expires, not before.
    upstream.publish(gen.pkg("not-yet-there").version("1.0.0").done());
    clock.advance(Duration.ofSeconds(29));
    assertThat(proxy.get("/not-yet-there").statusCode()).isEqualTo(404);
    assertThat(upstream.requestCount("/not-yet-there")).isEqualTo(1);
    clock.advance(Duration.ofSeconds(2));
    HttpResponse<byte[]> appeared = proxy.get("/not-yet-there");
    assertThat(appeared.statusCode()).isEqualTo(200);
    assertThat(appeared.headers().firstValue(CACHE)).contains("miss");
    assertThat(upstream.requestCount("/not-yet-there")).isEqualTo(2);
  }

  @Test
  void concurrentRequestsForAnUnknownPackageAskUpstreamOnce() throws Exception {
    upstream.delay(Duration.ofMillis(300));
    try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      List<java.util.concurrent.Future<HttpResponse<byte[]>>> all =
          java.util.stream.IntStream.range(0, 16)
              .mapToObj(i -> threads.submit(() -> proxy.get("/nobody-published-this")))
              .toList();
      for (var r : all) {
        assertThat(r.get().statusCode()).isEqualTo(404);
      }
    }
    assertThat(upstream.requestCount("/nobody-published-this")).isEqualTo(1);
  }

  @Test
  void nothingCachedAndUpstreamDownIsA502Quickly() throws IOException {
    upstream.stop();
    long started = System.nanoTime();
    HttpResponse<byte[]> r = proxy.get("/left-pad");
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(r.statusCode()).isEqualTo(502);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
        ct -> assertThat(ct).contains("application/json"));
    assertThat(JSON.readTree(r.body()).path("error").asText()).isNotBlank();
    assertThat(took).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void nothingCachedAndUpstreamTooSlowIsA504() throws IOException {
    proxy.close();
    proxy = RunningProxy.start(upstream, data, clock, s -> s.withPackumentTtl(TTL)
        .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)));
    upstream.delay(Duration.ofSeconds(4));
    long started = System.nanoTime();
    HttpResponse<byte[]> r = proxy.get("/left-pad");
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(r.statusCode()).isEqualTo(504);
    assertThat(JSON.readTree(r.body()).path("error").asText()).isNotBlank();
    assertThat(took).isLessThan(Duration.ofSeconds(4));
    assertThat(upstream.requestCount("/left-pad")).isEqualTo(1);
  }

  @Test
  void aVersionRemovedUpstreamDisappearsAfterTheTtl() throws IOException {
    GeneratedVersion gone = pad.version("1.1.0");
    GeneratedVersion kept = pad.version("1.0.0");
    JsonNode before = JSON.readTree(proxy.get("/left-pad").body());
    assertThat(before.path("versions").has("1.1.0")).isTrue();
    assertThat(proxy.get(gone.tarballPath()).statusCode()).isEqualTo(200);
    assertThat(proxy.get(kept.tarballPath()).statusCode()).isEqualTo(200);

    upstream.unpublish("left-pad", "1.1.0");
    // Still served within the TTL: nobody asked upstream yet.
    assertThat(proxy.get("/left-pad/1.1.0").statusCode()).isEqualTo(200);

    clock.advance(PAST_TTL);
    HttpResponse<byte[]> after = proxy.get("/left-pad");
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.headers().firstValue(CACHE)).contains("revalidated");
    JsonNode doc = JSON.readTree(after.body());
    assertThat(doc.path("versions").has("1.1.0")).isFalse();
    assertThat(doc.path("versions").has("1.0.0")).isTrue();
    assertThat(doc.path("versions").has("1.3.0")).isTrue();

    // Still within the TTL of the revalidation that noticed the removal (at 12:05:01).
    clock.advance(Duration.ofMinutes(4));
    HttpResponse<byte[]> manifest = proxy.get("/left-pad/1.1.0");
    assertThat(manifest.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(manifest.body()).path("error").asText()).isEqualTo("left-pad@1.1.0"
        + " was removed from the upstream registry, noticed 4 min ago (2025-06-01 12:05:01 UTC);"
        + " Lazaret no longer serves it");

    upstream.resetCounters();
    HttpResponse<byte[]> tarball = proxy.get(gone.tarballPath());
    assertThat(tarball.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(tarball.body()).path("error").asText())
        .contains("1.1.0").contains("removed");
    assertThat(upstream.requests()).isEmpty();

    HttpResponse<byte[]> other = proxy.get(kept.tarballPath());
    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(Tarball.integrityOf(other.body())).isEqualTo(kept.tarball().integrity());
    assertThat(proxy.get("/left-pad/1.3.0").statusCode()).isEqualTo(200);
    assertThat(upstream.requests()).isEmpty();
  }

  @Test
  void aPackageRemovedUpstreamStopsBeingServed() throws IOException {
    GeneratedVersion v = pad.version("1.0.0");
    assertThat(proxy.get("/left-pad").statusCode()).isEqualTo(200);
    assertThat(proxy.get(v.tarballPath()).statusCode()).isEqualTo(200);

    upstream.unpublish("left-pad");
    clock.advance(PAST_TTL);
    HttpResponse<byte[]> r = proxy.get("/left-pad");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(r.body()).path("error").asText()).contains("left-pad");
    assertThat(proxy.get("/left-pad/1.0.0").statusCode()).isEqualTo(404);
    assertThat(proxy.get(v.tarballPath()).statusCode()).isEqualTo(404);
    assertThat(upstream.requestCount(v.tarballPath())).isEqualTo(1);
  }

  @Test
  void restartWithUpstreamDownServesFromTheStore() {
    GeneratedVersion v = pad.version("1.3.0");
    HttpResponse<byte[]> packument = proxy.get("/left-pad");
    HttpResponse<byte[]> tarball = proxy.get(v.tarballPath());
    assertThat(tarball.statusCode()).isEqualTo(200);
    upstream.stop();
    proxy.restart();

    HttpResponse<byte[]> fromStore = proxy.get("/left-pad");
    assertThat(fromStore.statusCode()).isEqualTo(200);
    assertThat(fromStore.headers().firstValue(CACHE)).contains("hit");
    // A new port after the restart, so tarball URLs differ; the content is the same.
    assertThat(versionsOf(fromStore)).isEqualTo(versionsOf(packument));
    assertThat(versionsOf(fromStore)).containsExactlyInAnyOrder("1.0.0", "1.1.0", "1.3.0");

    HttpResponse<byte[]> storedTarball = proxy.get(v.tarballPath());
    assertThat(storedTarball.statusCode()).isEqualTo(200);
    assertThat(storedTarball.body()).isEqualTo(tarball.body());
    assertThat(Tarball.integrityOf(storedTarball.body())).isEqualTo(v.tarball().integrity());

    clock.advance(PAST_TTL);
    HttpResponse<byte[]> stale = proxy.get("/left-pad");
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.headers().firstValue(CACHE)).contains("stale");
    assertThat(upstream.requestCount("/left-pad")).isEqualTo(1);
  }

  @Test
  void aNewVersionAppearsAfterTheTtlWithANewEtag() throws IOException {
    HttpResponse<byte[]> first = proxy.get("/left-pad");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    upstream.publish(PackageGenerator.seeded(12).pkg("left-pad").version("2.0.0").done());

    HttpResponse<byte[]> withinTtl = proxy.get("/left-pad");
    assertThat(JSON.readTree(withinTtl.body()).path("versions").has("2.0.0")).isFalse();
    assertThat(withinTtl.headers().firstValue("ETag")).contains(etag);

    clock.advance(PAST_TTL);
    HttpResponse<byte[]> after = proxy.get("/left-pad");
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.headers().firstValue(CACHE)).contains("revalidated");
    JsonNode doc = JSON.readTree(after.body());
    assertThat(doc.path("versions").has("2.0.0")).isTrue();
    assertThat(doc.at("/dist-tags/latest").asText()).isEqualTo("2.0.0");
    assertThat(after.headers().firstValue("ETag")).isPresent().isNotEqualTo(Optional.of(etag));

    // The old ETag no longer matches: a conditional request gets the new document.
    HttpResponse<byte[]> conditional = proxy.send(proxy.request("/left-pad")
        .header("If-None-Match", etag).build());
    assertThat(conditional.statusCode()).isEqualTo(200);
    assertThat(conditional.body()).isEqualTo(after.body());
    assertThat(upstream.requestCount("/left-pad")).isEqualTo(2);
  }

  private List<RecordedRequest> packumentRequests(String path) {
    return upstream.requests().stream().filter(r -> r.hasPath(path)).toList();
  }

  private static List<String> versionsOf(HttpResponse<byte[]> r) {
    try {
      List<String> out = new java.util.ArrayList<>();
      JSON.readTree(r.body()).path("versions").fieldNames().forEachRemaining(out::add);
      return out;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
