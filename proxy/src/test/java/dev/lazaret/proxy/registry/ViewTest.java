package dev.lazaret.proxy.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.PackageVerdict;
import dev.lazaret.proxy.npm.PackageName;
import dev.lazaret.proxy.npm.PackumentIndex;
import dev.lazaret.proxy.npm.VisibleVersions;
import dev.lazaret.storage.CachedPackument;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Views built in direct-memory chunks: the same bytes, gzip and ETags as from one array. */
class ViewTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4095, 4096, 4097, 300_000, 3 << 20})
  void chunkedBytesGzipAndEtagMatchTheDocument(int size) throws Exception {
    byte[] doc = new byte[size];
    new Random(size).nextBytes(doc);
    OffHeapOutput out = new OffHeapOutput();
    // Written in uneven pieces, as a JSON generator flushes them.
    for (int at = 0; at < size; ) {
      int n = Math.min(size - at, 1 + at % 7_000);
      out.write(doc, at, n);
      at += n;
    }
    View view = View.of(out);

    assertThat(bytes(view.body(false))).isEqualTo(doc);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes(view.body(true))))) {
      assertThat(in.readAllBytes()).isEqualTo(doc);
    }
    // The ETag is what it was when views were built from one array.
    byte[] sha = MessageDigest.getInstance("SHA-256").digest(doc);
    assertThat(view.etag()).isEqualTo(
        "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha).substring(0, 27) + "\"");
    assertThat(View.of(doc).etag()).isEqualTo(view.etag());
    assertThat(view.weight()).isGreaterThanOrEqualTo(size);
  }

  @Test
  void eachResponseGetsItsOwnReadableDuplicateThatItMayRelease() {
    View view = View.of("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    ByteBuf first = view.body(false);
    first.skipBytes(first.readableBytes());
    first.release();
    assertThat(view.body(false).toString(StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
  }

  @Test
  void renderingANewGenerationDropsThePackagesOlderRendering() {
    Executor direct = Runnable::run;
    ViewCache cache = new ViewCache(64 << 20, direct);
    byte[] json = "{\"name\":\"p\",\"versions\":{\"1.0.0\":{\"version\":\"1.0.0\",\"dist\":{}}}}"
        .getBytes(StandardCharsets.UTF_8);
    PackumentIndex index = PackumentIndex.parse(PackageName.parse("p"), json,
        URI.create("http://127.0.0.1:9/"));
    PackageVerdict verdict = PackageVerdict.allowing(index.versions().keySet());
    VisibleVersions visible = VisibleVersions.of(index, verdict);
    CachedPackument cached = new CachedPackument(json, null, null, Instant.EPOCH);

    ViewCache.Views first = cache.views(new GatedPackument(
        new PackumentSnapshot(cached, index, 1, null, null), verdict, visible, 0, java.util.Optional.empty()), "b/").join();
    ViewCache.Views second = cache.views(new GatedPackument(
        new PackumentSnapshot(cached, index, 2, null, null), verdict, visible, 0, java.util.Optional.empty()), "b/").join();

    assertThat(cache.size()).isEqualTo(1);
    assertThat(second.full().etag()).isEqualTo(first.full().etag());
  }

  private static byte[] bytes(ByteBuf buf) {
    return ByteBufUtil.getBytes(buf);
  }
}
