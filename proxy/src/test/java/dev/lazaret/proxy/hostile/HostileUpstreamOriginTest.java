package dev.lazaret.proxy.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.proxy.config.Settings;
import dev.lazaret.proxy.config.UpstreamGuards;
import dev.lazaret.proxy.config.UpstreamRoute;
import dev.lazaret.proxy.it.RunningProxy;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.GeneratedVersion;
import dev.lazaret.proxy.testing.PackageGenerator;
import dev.lazaret.proxy.upstream.Origin;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 item 1: a packument's {@code dist.tarball} and an upstream's redirects must not make
 * Lazaret fetch from anywhere but the upstream's own origin and the origins allowed for it. The
 * "internal service" is a second fake registry on another loopback port that serves the same
 * package with valid integrity: before the fix Lazaret fetched from it and served the bytes.
 */
class HostileUpstreamOriginTest {

  private final PackageGenerator gen = PackageGenerator.seeded(10);
  private final GeneratedPackage victim = gen.pkg("victim").version("1.0.0").done();

  @TempDir Path data;
  private FakeUpstream upstream;
  private FakeUpstream internal;
  private RunningProxy proxy;

  @BeforeEach
  void startUpstreams() {
    upstream = FakeUpstream.start().publish(victim);
    internal = FakeUpstream.start().publish(victim);
  }

  @AfterEach
  void stop() {
    if (proxy != null) {
      proxy.close();
    }
    upstream.close();
    internal.close();
  }

  private void startProxy(UnaryOperator<Settings> tweak) {
    proxy = RunningProxy.start(upstream, data, Clock.systemUTC(), tweak);
  }

  /** The upstream's packument for {@code victim} names tarballs on the internal service. */
  private void packumentPointsAt(FakeUpstream where) {
    byte[] json = victim.packument(where.url()).toString().getBytes(StandardCharsets.UTF_8);
    upstream.override("/victim"::equals, Hostile.json(json));
  }

  private GeneratedVersion version() {
    return victim.version("1.0.0");
  }

  @Test
  void tarballOnAnotherOriginIsRefusedWithoutContactingIt() {
    startProxy(s -> s);
    packumentPointsAt(internal);

    assertThat(proxy.get("/victim").statusCode()).isEqualTo(200);
    HttpResponse<byte[]> r = proxy.get(version().tarballPath());

    assertThat(r.statusCode()).isEqualTo(502);
    assertThat(Hostile.error(r)).isEqualTo("refused to fetch tarball from "
        + origin(internal) + ": not an allowed origin of upstream 'default'"
        + " (add it to upstream-tarball-origins)");
    assertThat(internal.requests()).as("the internal service is never contacted").isEmpty();
    assertThat(refusedOrigins()).isEqualTo(1);
  }

  @Test
  void tarballOnAnAllowedOriginIsFetched() {
    startProxy(s -> s.withUpstreamGuards(UpstreamGuards.defaults()
        .withTarballOrigins(List.of(Origin.parse(origin(internal))))));
    packumentPointsAt(internal);

    assertThat(proxy.get("/victim").statusCode()).isEqualTo(200);
    HttpResponse<byte[]> r = proxy.get(version().tarballPath());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(version().tarball().bytes());
    assertThat(internal.requestCount(version().tarballPath())).isEqualTo(1);
    assertThat(refusedOrigins()).isZero();
  }

  @Test
  void aLoopbackNameIsAnotherOriginThanTheLoopbackAddress() {
    startProxy(s -> s);
    URI sameServerByName = URI.create("http://localhost:" + upstream.port() + "/");
    byte[] json = victim.packument(sameServerByName).toString().getBytes(StandardCharsets.UTF_8);
    upstream.override("/victim"::equals, Hostile.json(json));

    assertThat(proxy.get("/victim").statusCode()).isEqualTo(200);
    HttpResponse<byte[]> r = proxy.get(version().tarballPath());

    assertThat(r.statusCode()).isEqualTo(502);
    assertThat(Hostile.error(r)).contains("http://localhost:" + upstream.port());
  }

  @Test
  void routedUpstreamsHaveTheirOwnAllowList() {
    try (FakeUpstream cdn = FakeUpstream.start().publish(victim)) {
      startProxy(s -> s.withRoutes(List.of(new UpstreamRoute("private", internal.url(),
          List.of("victim"), List.of(Origin.parse(origin(cdn)))))));
      byte[] toCdn = victim.packument(cdn.url()).toString().getBytes(StandardCharsets.UTF_8);
      internal.override("/victim"::equals, Hostile.json(toCdn));

      assertThat(proxy.get("/victim").statusCode()).isEqualTo(200);
      assertThat(proxy.get(version().tarballPath()).statusCode()).isEqualTo(200);
      assertThat(cdn.requestCount(version().tarballPath())).isEqualTo(1);
    }
  }

  @Test
  void aRoutedUpstreamMayNotUseTheDefaultUpstreamsOrigin() {
    startProxy(s -> s.withRoutes(List.of(new UpstreamRoute("private", internal.url(),
        List.of("victim")))));
    byte[] toDefault = victim.packument(upstream.url()).toString()
        .getBytes(StandardCharsets.UTF_8);
    internal.override("/victim"::equals, Hostile.json(toDefault));

    assertThat(proxy.get("/victim").statusCode()).isEqualTo(200);
    HttpResponse<byte[]> r = proxy.get(version().tarballPath());

    assertThat(r.statusCode()).isEqualTo(502);
    assertThat(Hostile.error(r)).isEqualTo("refused to fetch tarball from " + origin(upstream)
        + ": not an allowed origin of upstream 'private'"
        + " (add it to tarball-origins of upstream 'private')");
    assertThat(upstream.requestCount(version().tarballPath())).isZero();
  }

  @Test
  void redirectToAnotherOriginIsRefused() {
    startProxy(s -> s);
    upstream.override(version().tarballPath()::equals,
        Hostile.redirect(internal.url() + version().tarballPath().substring(1)));

    HttpResponse<byte[]> r = proxy.get(version().tarballPath());

    assertThat(r.statusCode()).isEqualTo(502);
    assertThat(Hostile.error(r)).contains("refused to follow a redirect")
        .contains(origin(internal)).contains("upstream 'default'");
    assertThat(internal.requests()).isEmpty();
    assertThat(refusedOrigins()).isEqualTo(1);
  }

  @Test
  void packumentRedirectToAnotherOriginIsRefused() {
    startProxy(s -> s);
    upstream.override("/victim"::equals, Hostile.redirect(internal.url() + "victim"));

    HttpResponse<byte[]> r = proxy.get("/victim");

    assertThat(r.statusCode()).isEqualTo(502);
    assertThat(Hostile.error(r)).contains(origin(internal));
    assertThat(internal.requests()).isEmpty();
  }

  @Test
  void threeRedirectsOnTheUpstreamAreFollowed() {
    startProxy(s -> s);
    redirectChain(3);

    HttpResponse<byte[]> r = proxy.get(version().tarballPath());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(version().tarball().bytes());
  }

  @Test
  void aFourthRedirectIsRefused() {
    startProxy(s -> s);
    redirectChain(4);

    HttpResponse<byte[]> r = proxy.get(version().tarballPath());

    assertThat(r.statusCode()).isEqualTo(502);
    assertThat(Hostile.error(r)).contains("more than 3 redirects");
    assertThat(upstream.requestCount("/hop/4")).isZero();
    assertThat(refusedOrigins()).isEqualTo(1);
  }

  /** The tarball path redirects to /hop/1, ... /hop/{hops}, which serves the tarball. */
  private void redirectChain(int hops) {
    upstream.override(version().tarballPath()::equals, Hostile.redirect("/hop/1"));
    for (int i = 1; i < hops; i++) {
      upstream.override(("/hop/" + i)::equals, Hostile.redirect("/hop/" + (i + 1)));
    }
    upstream.override(("/hop/" + hops)::equals, Hostile.bytes(version().tarball().bytes()));
  }

  private static String origin(FakeUpstream where) {
    return "http://127.0.0.1:" + where.port();
  }

  private double refusedOrigins() {
    String text = new String(proxy.getAdmin("/metrics").body(), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("^lazaret_upstream_refused_origins_total\\{[^}]*} (\\S+)$",
        Pattern.MULTILINE).matcher(text);
    double sum = 0;
    while (m.find()) {
      sum += Double.parseDouble(m.group(1));
    }
    return sum;
  }
}
