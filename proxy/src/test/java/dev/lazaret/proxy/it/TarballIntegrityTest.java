package dev.lazaret.proxy.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.GeneratedVersion;
import dev.lazaret.proxy.testing.PackageGenerator;
import dev.lazaret.proxy.testing.Tarball;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tarballs reach clients intact or not at all, once from upstream however many clients ask. */
class TarballIntegrityTest {

  private static final int CHUNK = 256 << 10;

  private final PackageGenerator gen = PackageGenerator.seeded(21);
  private final GeneratedPackage small = gen.pkg("tiny").version("1.0.0").version("1.0.1").done();
  private final GeneratedPackage big = gen.pkg("@acme/huge")
      .version("3.0.0", v -> v.file("blob.txt", incompressible(2_000_000, 5)))
      .done();

  @TempDir Path data;
  private FakeUpstream upstream;
  private RunningProxy proxy;

  @BeforeEach
  void start() {
    upstream = FakeUpstream.start().publish(small, big);
    proxy = RunningProxy.start(upstream, data);
  }

  @AfterEach
  void stop() {
    proxy.close();
    upstream.close();
  }

  @Test
  void corruptTarballNeverReachesTheClientCompleteAndIsNotCached() {
    GeneratedVersion v = small.version("1.0.1");
    assertThat(proxy.get("/tiny").statusCode()).isEqualTo(200);
    upstream.corruptTarball("tiny", "1.0.1");

    assertNoCompleteWrongBody(v);
    assertThat(upstream.requestCount(v.tarballPath())).isEqualTo(1);

    upstream.heal();
    HttpResponse<byte[]> good = proxy.get(v.tarballPath());
    assertThat(good.statusCode()).isEqualTo(200);
    assertThat(Tarball.integrityOf(good.body())).isEqualTo(v.tarball().integrity());
    assertThat(good.body()).isEqualTo(v.tarball().bytes());
    assertThat(upstream.requestCount(v.tarballPath())).as("downloaded again").isEqualTo(2);

    // Now it is cached.
    assertThat(proxy.get(v.tarballPath()).body()).isEqualTo(v.tarball().bytes());
    assertThat(upstream.requestCount(v.tarballPath())).isEqualTo(2);
  }

  @Test
  void corruptMultiChunkTarballIsCutOffAndNotCached() {
    GeneratedVersion v = big.version("3.0.0");
    assertThat(v.tarball().size()).isGreaterThan(4 * CHUNK);
    upstream.corruptTarball("@acme/huge", "3.0.0");

    assertNoCompleteWrongBody(v);
    assertThat(upstream.requestCount(v.tarballPath())).isEqualTo(1);

    upstream.heal();
    HttpResponse<byte[]> good = proxy.get(v.tarballPath());
    assertThat(good.statusCode()).isEqualTo(200);
    assertThat(good.body()).isEqualTo(v.tarball().bytes());
    assertThat(upstream.requestCount(v.tarballPath())).isEqualTo(2);
  }

  @Test
  void fiftyConcurrentColdRequestsMakeOneUpstreamRequest() throws Exception {
    GeneratedVersion v = small.version("1.0.0");
    // Slow the upstream down a little so the 50 requests really overlap.
    upstream.delay(Duration.ofMillis(300));
    List<HttpResponse<byte[]>> responses = concurrently(50, v.tarballPath());
    for (HttpResponse<byte[]> r : responses) {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo(v.tarball().bytes());
    }
    assertThat(Tarball.integrityOf(responses.get(0).body())).isEqualTo(v.tarball().integrity());
    assertThat(upstream.requestCount(v.tarballPath())).isEqualTo(1);
    assertThat(upstream.requestCount("/tiny")).isEqualTo(1);
  }

  @Test
  void multiChunkTarballStreamsByteIdenticalColdAndWarm() throws Exception {
    GeneratedVersion v = big.version("3.0.0");
    assertThat(v.tarball().size()).isGreaterThan(1 << 20);

    HttpResponse<byte[]> cold = proxy.get(v.tarballPath());
    assertThat(cold.statusCode()).isEqualTo(200);
    assertThat(cold.headers().firstValue("Content-Length"))
        .contains(String.valueOf(v.tarball().size()));
    assertThat(cold.body()).isEqualTo(v.tarball().bytes());
    assertThat(Tarball.integrityOf(cold.body())).isEqualTo(v.tarball().integrity());

    HttpResponse<byte[]> warm = proxy.get("/@acme%2fhuge/-/huge-3.0.0.tgz");
    assertThat(warm.statusCode()).isEqualTo(200);
    assertThat(warm.body()).isEqualTo(v.tarball().bytes());

    List<HttpResponse<byte[]>> many = concurrently(32, v.tarballPath());
    for (HttpResponse<byte[]> r : many) {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo(v.tarball().bytes());
    }
    assertThat(upstream.requestCount(v.tarballPath())).isEqualTo(1);
  }

  @Test
  void concurrentColdRequestsForAMultiChunkTarballAllGetItIntact() throws Exception {
    GeneratedVersion v = big.version("3.0.0");
    List<HttpResponse<byte[]>> many = concurrently(20, v.tarballPath());
    for (HttpResponse<byte[]> r : many) {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo(v.tarball().bytes());
    }
    assertThat(upstream.requestCount(v.tarballPath())).isEqualTo(1);
  }

  /** The client gets an error status, or a broken body; never a complete 200 with wrong bytes. */
  private void assertNoCompleteWrongBody(GeneratedVersion v) {
    try {
      HttpResponse<byte[]> r = proxy.http().send(proxy.request(v.tarballPath()).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() == 200) {
        assertThat(r.body()).as("a 200 body must be the genuine tarball")
            .isEqualTo(v.tarball().bytes());
      } else {
        assertThat(r.statusCode()).isGreaterThanOrEqualTo(500);
        assertThat(new String(r.body())).contains("integrity");
      }
    } catch (IOException expected) {
      // The connection was cut before the last bytes: what clients must see.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private List<HttpResponse<byte[]>> concurrently(int n, String path)
      throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
    List<CompletableFuture<HttpResponse<byte[]>>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      futures.add(proxy.http().sendAsync(proxy.request(path).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray()));
    }
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    List<HttpResponse<byte[]>> out = new ArrayList<>();
    for (CompletableFuture<HttpResponse<byte[]>> f : futures) {
      out.add(f.get());
    }
    return out;
  }

  /** A text of {@code bytes} characters that gzip cannot shrink much (base64 of random bytes). */
  static String incompressible(int bytes, long seed) {
    byte[] raw = new byte[bytes * 3 / 4];
    new Random(seed).nextBytes(raw);
    return Base64.getEncoder().encodeToString(raw);
  }
}
