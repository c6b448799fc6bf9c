package dev.lazaret.proxy.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.proxy.OpsServices;
import dev.lazaret.proxy.config.Operations;
import dev.lazaret.proxy.it.RunningProxy;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.PackageBuilder;
import dev.lazaret.proxy.testing.PackageGenerator;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code storage.max-size}: past it the least recently used tarballs are evicted in the
 * background; an evicted tarball is fetched again on its next request; packuments stay.
 */
class EvictionTest {

  private static final List<String> VERSIONS = List.of("1.0.0", "1.1.0", "1.2.0", "1.3.0", "1.4.0");

  @TempDir Path data;
  private FakeUpstream upstream;
  private RunningProxy proxy;

  @AfterEach
  void stop() {
    if (proxy != null) {
      proxy.close();
    }
    upstream.close();
  }

  /** Versions whose tarballs are ~16 KiB each: random hex barely compresses below half. */
  private static GeneratedPackage bulky() {
    Random random = new Random(42);
    PackageBuilder pkg = PackageGenerator.seeded(8).pkg("bulky");
    for (String v : VERSIONS) {
      byte[] noise = new byte[16 << 10];
      random.nextBytes(noise);
      pkg.version(v, spec -> spec.file("data.txt", HexFormat.of().formatHex(noise)));
    }
    return pkg.done();
  }

  private static long size(GeneratedPackage pkg, String version) {
    return pkg.version(version).tarball().bytes().length;
  }

  private HttpResponse<byte[]> tarball(GeneratedPackage pkg, String version) {
    return proxy.get(pkg.version(version).tarballPath());
  }

  @Test
  void leastRecentlyUsedTarballsAreEvictedAndFetchedAgainOnDemand() {
    GeneratedPackage pkg = bulky();
    upstream = FakeUpstream.start().publish(pkg);
    // Room for the two newest tarballs once the evictor has trimmed to 95% of the limit.
    long twoNewest = size(pkg, "1.3.0") + size(pkg, "1.4.0");
    long maxBytes = (long) Math.ceil(twoNewest / StoreEvictor.TARGET_SHARE) + 16;
    proxy = RunningProxy.start(upstream, data, Clock.systemUTC(), s -> s.withOperations(
        new Operations(new InetSocketAddress("127.0.0.1", 0), maxBytes,
            Operations.AccessLogFormat.OFF, false)));

    for (String v : VERSIONS) {
      assertThat(tarball(pkg, v).body()).isEqualTo(pkg.version(v).tarball().bytes());
    }
    MetricsText m = MetricsEndpointTest.awaitMetrics(proxy,
        t -> t.value("lazaret_store_evicted_tarballs_total") >= 3
            && t.value("lazaret_store_evicted_bytes_total") > 0
            && t.value("lazaret_store_tarball_bytes") <= maxBytes * StoreEvictor.TARGET_SHARE);
    assertThat(m.value("lazaret_store_evicted_tarballs_total")).isEqualTo(3);
    assertThat(m.value("lazaret_store_evicted_bytes_total")).isEqualTo(
        size(pkg, "1.0.0") + size(pkg, "1.1.0") + size(pkg, "1.2.0"));
    assertThat(m.value("lazaret_store_tarball_bytes")).isEqualTo(twoNewest);
    assertThat(m.value("lazaret_store_max_bytes")).isEqualTo(maxBytes);

    // The newest stayed: served from the store, the upstream is not asked again.
    assertThat(tarball(pkg, "1.4.0").body()).isEqualTo(pkg.version("1.4.0").tarball().bytes());
    assertThat(upstream.requestCount(pkg.version("1.4.0").tarballPath())).isEqualTo(1);
    // The oldest was evicted: a cold miss again, fetched and verified like the first time.
    HttpResponse<byte[]> again = tarball(pkg, "1.0.0");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(pkg.version("1.0.0").tarball().bytes());
    assertThat(upstream.requestCount(pkg.version("1.0.0").tarballPath())).isEqualTo(2);
    // Packuments are never evicted.
    HttpResponse<byte[]> packument = proxy.get("/bulky");
    assertThat(packument.statusCode()).isEqualTo(200);
    assertThat(packument.headers().firstValue("X-Lazaret-Cache")).contains("hit");
    assertThat(upstream.requestCount("/bulky")).isEqualTo(1);
  }

  @Test
  void withoutALimitNothingIsEvicted() throws Exception {
    GeneratedPackage pkg = bulky();
    upstream = FakeUpstream.start().publish(pkg);
    proxy = RunningProxy.start(upstream, data);
    long total = 0;
    for (String v : VERSIONS) {
      total += tarball(pkg, v).body().length;
    }
    Thread.sleep(OpsServices.EVICTION_CHECK_MILLIS + 200);
    MetricsText m = new MetricsText(proxy.getAdmin("/metrics").body());
    assertThat(m.value("lazaret_store_tarball_bytes")).isEqualTo(total);
    assertThat(m.value("lazaret_store_evicted_tarballs_total")).isZero();
    assertThat(m.value("lazaret_store_max_bytes")).isZero();
  }
}
