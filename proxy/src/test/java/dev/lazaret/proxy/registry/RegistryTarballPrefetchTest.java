package dev.lazaret.proxy.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.PackageFacts;
import dev.lazaret.policy.PackageVerdict;
import dev.lazaret.policy.Policy;
import dev.lazaret.proxy.npm.PackageName;
import dev.lazaret.proxy.testing.Tarball;
import dev.lazaret.proxy.upstream.NamedUpstream;
import dev.lazaret.proxy.upstream.PackumentResponse;
import dev.lazaret.proxy.upstream.RelayResponse;
import dev.lazaret.proxy.upstream.TarballResponse;
import dev.lazaret.proxy.upstream.Upstream;
import dev.lazaret.proxy.upstream.UpstreamException;
import dev.lazaret.proxy.upstream.UpstreamRouter;
import dev.lazaret.storage.Storage;
import dev.lazaret.storage.StorageOptions;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cold tarball request does not wait for the verdict before its download starts: judging
 * (which may wait on advisory and publisher lookups) and the download overlap, and the request
 * then follows that one download.
 */
class RegistryTarballPrefetchTest {

  private static final Tarball TGZ = Tarball.pack(Map.of("package/package.json",
      "{\"name\":\"p\",\"version\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8)));

  /** Serves one package with one version, counting tarball downloads. */
  private static final class OnePackage implements Upstream {
    final AtomicInteger tarballs = new AtomicInteger();
    final CountDownLatch tarballAsked = new CountDownLatch(1);

    @Override
    public URI base() {
      return URI.create("http://127.0.0.1:1/");
    }

    @Override
    public PackumentResponse packument(PackageName name, String etag, String lastModified) {
      String json = "{\"name\":\"p\",\"dist-tags\":{\"latest\":\"1.0.0\"},\"versions\":{\"1.0.0\":"
          + "{\"name\":\"p\",\"version\":\"1.0.0\",\"dist\":{\"tarball\":"
          + "\"http://127.0.0.1:1/p/-/p-1.0.0.tgz\",\"integrity\":\""
          + Tarball.integrityOf(TGZ.bytes()) + "\"}}},\"time\":{\"created\":"
          + "\"2020-01-01T00:00:00Z\",\"1.0.0\":\"2020-01-01T00:00:00Z\"}}";
      return new PackumentResponse.Fetched(json.getBytes(StandardCharsets.UTF_8), null, null);
    }

    @Override
    public TarballResponse tarball(String url) {
      tarballs.incrementAndGet();
      tarballAsked.countDown();
      return new TarballResponse(OptionalLong.of(TGZ.bytes().length),
          new ByteArrayInputStream(TGZ.bytes()));
    }

    @Override
    public RelayResponse relay(String method, String pathAndQuery, Map<String, String> headers,
        byte[] body) throws UpstreamException {
      throw new UpstreamException(UpstreamException.Kind.UNREACHABLE, "no relay here");
    }

    @Override
    public void close() {}
  }

  @TempDir Path dir;
  private Storage storage;
  private Registry registry;

  @AfterEach
  void stop() {
    registry.close();
    storage.close();
  }

  @Test
  void theDownloadStartsWhileTheVersionIsStillBeingJudged() throws Exception {
    OnePackage upstream = new OnePackage();
    AtomicBoolean downloadBeganBeforeVerdict = new AtomicBoolean();
    // A policy as slow as a first advisory lookup: it answers once the download has begun
    // (or after 10 s, then the assertion below fails).
    Policy slow = facts -> {
      downloadBeganBeforeVerdict.set(await(upstream.tarballAsked));
      return PackageVerdict.allowing(
          facts.versions().stream().map(v -> v.version()).toList());
    };
    storage = Storage.open(StorageOptions.defaults(dir.resolve("store")));
    registry = new Registry(storage.packuments(), storage.removedVersions(), storage.tarballs(),
        UpstreamRouter.single(new NamedUpstream("default", upstream)), slow,
        Clock.systemUTC(), Duration.ofMinutes(5), 16 << 20, () -> 0,
        storage.records("absent"));

    TarballSource source = registry.tarball(PackageName.parse("p"), "p-1.0.0.tgz")
        .get(30, TimeUnit.SECONDS);

    assertThat(downloadBeganBeforeVerdict).isTrue();
    assertThat(read(source)).isEqualTo(TGZ.bytes());
    assertThat(upstream.tarballs).as("the request followed the prefetch").hasValue(1);
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static byte[] read(TarballSource source) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    source.awaitLength();
    long offset = 0;
    for (ByteBuf piece = source.next(0, ByteBufAllocator.DEFAULT); piece != null;
        piece = source.next(offset, ByteBufAllocator.DEFAULT)) {
      offset += piece.readableBytes();
      byte[] bytes = new byte[piece.readableBytes()];
      piece.readBytes(bytes);
      piece.release();
      out.write(bytes);
    }
    return out.toByteArray();
  }
}
