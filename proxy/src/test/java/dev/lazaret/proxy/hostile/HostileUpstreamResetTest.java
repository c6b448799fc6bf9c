package dev.lazaret.proxy.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import dev.lazaret.proxy.it.MutableClock;
import dev.lazaret.proxy.it.RunningProxy;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.GeneratedVersion;
import dev.lazaret.proxy.testing.PackageGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upstream that cuts connections in the middle of a body: a packument it cuts is served from
 * the last good copy (or is a 502 with nothing cached), a tarball it cuts is never cached, and
 * both work again, without a restart, once the upstream answers whole.
 */
class HostileUpstreamResetTest {

  private static final Duration TTL = Duration.ofMinutes(5);

  @TempDir Path data;
  private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
  private final PackageGenerator gen = PackageGenerator.seeded(41);
  private FakeUpstream upstream;
  private RunningProxy proxy;

  @BeforeEach
  void start() {
    upstream = FakeUpstream.start(clock);
    proxy = RunningProxy.start(upstream, data, clock, s -> s.withPackumentTtl(TTL));
  }

  @AfterEach
  void stop() {
    proxy.close();
    upstream.close();
  }

  @Test
  void aPackumentCutMidBodyServesTheLastGoodCopy() {
    GeneratedPackage pkg = gen.pkg("cut-doc").version("1.0.0").done();
    upstream.publish(pkg);
    HttpResponse<byte[]> fresh = proxy.get("/cut-doc");
    assertThat(fresh.statusCode()).isEqualTo(200);

    upstream.override("/cut-doc"::equals, HostileUpstreamResetTest::cutHalfway);
    clock.advance(TTL.plusSeconds(1));
    HttpResponse<byte[]> stale = proxy.get("/cut-doc");

    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.headers().firstValue("X-Lazaret-Cache")).contains("stale");
    assertThat(stale.body()).isEqualTo(fresh.body());
  }

  @Test
  void aPackumentCutMidBodyWithNothingCachedIsA502AndWorksOnceTheUpstreamHeals() {
    upstream.publish(gen.pkg("cut-cold").version("1.0.0").done());
    upstream.override("/cut-cold"::equals, HostileUpstreamResetTest::cutHalfway);

    HttpResponse<byte[]> cut = proxy.get("/cut-cold");
    assertThat(cut.statusCode()).isEqualTo(502);
    assertThat(Hostile.error(cut)).contains("cut-cold");

    upstream.heal();
    // Past the failure back-off: the next request asks the upstream again.
    clock.advance(Duration.ofMinutes(1));
    assertThat(proxy.get("/cut-cold").statusCode()).isEqualTo(200);
  }

  @Test
  void aTarballCutMidBodyIsNeverCachedAndIsServedWholeOnceTheUpstreamHeals() {
    GeneratedPackage pkg = gen.pkg("cut-tgz").version("1.0.0").done();
    GeneratedVersion v = pkg.version("1.0.0");
    upstream.publish(pkg);
    assertThat(proxy.get("/cut-tgz").statusCode()).isEqualTo(200);
    upstream.override(v.tarballPath()::equals, cutHalfway(v.tarball().bytes()));

    // A 502 if the cut is seen before the first byte went out, else the client's body is cut
    // short (the client sees an error): never a complete-looking tarball.
    try {
      HttpResponse<byte[]> cut = proxy.get(v.tarballPath());
      assertThat(cut.statusCode() != 200 || !Arrays.equals(cut.body(), v.tarball().bytes()))
          .as("a cut tarball is never passed on as whole").isTrue();
    } catch (UncheckedIOException cutShort) {
      assertThat(cutShort).hasRootCauseInstanceOf(IOException.class);
    }

    upstream.heal();
    HttpResponse<byte[]> whole = proxy.get(v.tarballPath());
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.body()).isEqualTo(v.tarball().bytes());
    assertThat(whole.headers().firstValue("X-Lazaret-Cache")).contains("miss");
  }

  /** A packument-sized answer cut halfway. */
  private static void cutHalfway(HttpExchange ex) throws IOException {
    byte[] body = new byte[64 << 10];
    Arrays.fill(body, (byte) ' ');
    body[0] = '{';
    cutHalfway(body).answer(ex);
  }

  /**
   * Declares the full length of {@code body}, sends half of it and drops the connection: what a
   * reset or a crashed upstream looks like to the client.
   */
  private static FakeUpstream.RawAnswer cutHalfway(byte[] body) {
    return ex -> {
      ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
      ex.sendResponseHeaders(200, body.length);
      OutputStream out = ex.getResponseBody();
      out.write(body, 0, body.length / 2);
      out.flush();
      // Closing short of the declared length makes the server drop the connection.
      ex.close();
    };
  }
}
