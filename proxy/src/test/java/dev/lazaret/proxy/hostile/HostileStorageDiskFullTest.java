package dev.lazaret.proxy.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lazaret.proxy.config.QuarantineSettings;
import dev.lazaret.proxy.it.RunningProxy;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.GeneratedVersion;
import dev.lazaret.proxy.testing.PackageGenerator;
import dev.lazaret.storage.Tmpfs;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 7: the data directory's disk fills up, for real (a small tmpfs). Before the fix
 * every new download answered 500 until a restart, even after space was freed, and
 * {@code /-/ready} stayed 200. Now: a new download is a clear 503, readiness is 503 with the
 * reason, cached content keeps serving, and once space is freed downloads work again within 30 s
 * without a restart.
 *
 * <p>A read-only remount cannot be tested the same way: the kernel refuses to remount a tmpfs
 * read-only while RocksDB holds files open for writing ("mount point is busy").
 */
class HostileStorageDiskFullTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The acceptance bound for recovery after space is freed. */
  private static final Duration RECOVERY_BOUND = Duration.ofSeconds(30);

  private final PackageGenerator gen = PackageGenerator.seeded(107);
  private final GeneratedPackage cached = gen.pkg("cached-pkg").version("1.0.0").done();
  private final GeneratedPackage fresh = gen.pkg("fresh-pkg")
      .version("1.0.0", v -> v.file("blob.txt", incompressible(1_000_000, 3))).done();
  private final GeneratedPackage unseen = gen.pkg("unseen-pkg").version("2.0.0").done();

  @TempDir Path data;

  @Test
  void aFullDiskIsReportedCachedContentServesAndDownloadsRecoverOnceSpaceIsFreed()
      throws IOException {
    try (Tmpfs disk = Tmpfs.mount(data, 96);
         FakeUpstream upstream = FakeUpstream.start().publish(cached, fresh, unseen);
         RunningProxy proxy = RunningProxy.start(upstream, disk.dir())) {
      GeneratedVersion cachedVersion = cached.version("1.0.0");
      GeneratedVersion freshVersion = fresh.version("1.0.0");
      assertThat(proxy.get("/cached-pkg").statusCode()).isEqualTo(200);
      assertThat(proxy.get(cachedVersion.tarballPath()).statusCode()).isEqualTo(200);
      assertThat(proxy.get("/fresh-pkg").statusCode()).isEqualTo(200);
      assertThat(proxy.get("/-/ready").statusCode()).isEqualTo(200);

      disk.fill();

      // A new download cannot be stored: a clear 503, not a 500.
      HttpResponse<byte[]> refused = proxy.get(freshVersion.tarballPath());
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(json(refused).path("error").asText())
          .contains("fresh-pkg@1.0.0", "No space left on device", "cached packages are still served");
      // Readiness says so on both ports, with the reason, in the existing shape plus "store".
      for (HttpResponse<byte[]> ready : new HttpResponse[] {proxy.get("/-/ready"),
          proxy.getAdmin("/-/ready")}) {
        assertThat(ready.statusCode()).isEqualTo(503);
        JsonNode body = json(ready);
        assertThat(body.path("status").asText()).isEqualTo("unavailable");
        assertThat(body.path("store").asText())
            .matches("writes failing: No space left on device \\(since .+\\)");
        assertThat(body.path("reason").asText()).startsWith("store unavailable: writes failing");
        assertThat(body.has("upstream")).isTrue();
      }
      assertThat(new String(proxy.getAdmin("/metrics").body(), StandardCharsets.UTF_8))
          .contains("lazaret_store_writes_failing 1.0");
      // Cached content keeps serving.
      assertThat(proxy.get("/cached-pkg").statusCode()).isEqualTo(200);
      HttpResponse<byte[]> cachedTarball = proxy.get(cachedVersion.tarballPath());
      assertThat(cachedTarball.statusCode()).isEqualTo(200);
      assertThat(cachedTarball.body()).isEqualTo(cachedVersion.tarball().bytes());
      // A package never seen needs its packument stored: also a clear 503.
      HttpResponse<byte[]> unseenRefused = proxy.get("/unseen-pkg");
      assertThat(unseenRefused.statusCode()).isEqualTo(503);
      assertThat(json(unseenRefused).path("error").asText()).contains("No space left on device");

      disk.free();
      long freedAt = System.nanoTime();
      HttpResponse<byte[]> downloaded = awaitNot503(proxy, freshVersion.tarballPath());
      Duration took = Duration.ofNanos(System.nanoTime() - freedAt);
      System.err.println("download works again " + took.toMillis() + " ms after space was freed");
      assertThat(downloaded.statusCode()).isEqualTo(200);
      assertThat(downloaded.body()).isEqualTo(freshVersion.tarball().bytes());
      assertThat(took).isLessThan(RECOVERY_BOUND);
      for (HttpResponse<byte[]> ready : new HttpResponse[] {proxy.get("/-/ready"),
          proxy.getAdmin("/-/ready")}) {
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready).path("store").asText()).isEqualTo("ok");
      }
      assertThat(new String(proxy.getAdmin("/metrics").body(), StandardCharsets.UTF_8))
          .contains("lazaret_store_writes_failing 0.0");
      assertThat(proxy.get("/unseen-pkg").statusCode()).isEqualTo(200);
      assertThat(proxy.get(unseen.version("2.0.0").tarballPath()).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aRestartOnAFullDiskServesCachedContentWithTheQuarantineOnAndRecovers() throws IOException {
    try (Tmpfs disk = Tmpfs.mount(data, 96);
         FakeUpstream upstream = FakeUpstream.start().publish(cached, fresh, unseen);
         RunningProxy proxy = RunningProxy.start(upstream, disk.dir(), java.time.Clock.systemUTC(),
             s -> s.withQuarantine(QuarantineSettings.defaults()))) {
      GeneratedVersion cachedVersion = cached.version("1.0.0");
      assertThat(proxy.get("/cached-pkg").statusCode()).isEqualTo(200);
      assertThat(proxy.get(cachedVersion.tarballPath()).statusCode()).isEqualTo(200);

      disk.fill();
      // Before: the start failed ("cannot open data directory ...: No space left on device").
      proxy.restart();

      HttpResponse<byte[]> ready = proxy.get("/-/ready");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(json(ready).path("store").asText()).startsWith("writes failing: ");
      HttpResponse<byte[]> packument = proxy.get("/cached-pkg");
      assertThat(packument.statusCode()).as(new String(packument.body(), StandardCharsets.UTF_8))
          .isEqualTo(200);
      HttpResponse<byte[]> tarball = proxy.get(cachedVersion.tarballPath());
      assertThat(tarball.statusCode()).isEqualTo(200);
      assertThat(tarball.body()).isEqualTo(cachedVersion.tarball().bytes());

      disk.free();
      HttpResponse<byte[]> downloaded = awaitNot503(proxy, fresh.version("1.0.0").tarballPath());
      assertThat(downloaded.statusCode()).isEqualTo(200);
      assertThat(proxy.get("/-/ready").statusCode()).isEqualTo(200);
    }
  }

  /**
   * Polls until {@code path} answers something other than 503. Recovery runs on the real
   * server's own timer, so there is nothing to wait on but the answer itself; the deadline is
   * the acceptance bound, with a margin so a miss shows as a failed assertion on the time.
   */
  private static HttpResponse<byte[]> awaitNot503(RunningProxy proxy, String path) {
    long deadline = System.nanoTime() + RECOVERY_BOUND.plusSeconds(10).toNanos();
    HttpResponse<byte[]> answer = proxy.get(path);
    while (answer.statusCode() == 503 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
      answer = proxy.get(path);
    }
    return answer;
  }

  private static JsonNode json(HttpResponse<byte[]> response) throws IOException {
    return JSON.readTree(response.body());
  }

  private static String incompressible(int bytes, long seed) {
    byte[] raw = new byte[bytes * 3 / 4];
    new Random(seed).nextBytes(raw);
    return Base64.getEncoder().encodeToString(raw);
  }
}
