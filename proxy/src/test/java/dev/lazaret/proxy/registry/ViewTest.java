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
    // The superseded rendering gave its hold back: its memory is freed, not left to the GC.
    assertThat(first.full().holders()).isZero();
    assertThat(first.abbreviated().holders()).isZero();
    assertThat(second.full().holders()).isEqualTo(1);
  }

  @Test
  void aViewIsFreedWhenItsOwnerAndEveryResponseHaveReleasedIt() {
    View view = View.of(new byte[100_000]);
    assertThat(view.acquire()).isTrue();
    assertThat(view.acquire()).isTrue();
    assertThat(view.holders()).isEqualTo(3);

    view.release(); // the cache evicts it: the two responses still read it
    assertThat(bytes(view.body(false))).hasSize(100_000);
    view.release();
    assertThat(view.holders()).isEqualTo(1);
    view.release();

    assertThat(view.holders()).isZero();
    assertThat(view.acquire()).as("a freed view cannot be acquired again").isFalse();
    assertThat(view.holders()).isZero();
  }

  @Test
  void aSupersededRenderingIsFreedOnceTheResponseWritingItIsDone() {
    ViewCache cache = new ViewCache(64 << 20, Runnable::run);
    View held = cache.acquire(gated("a", 1, 9_000), "b/", false).join();
    assertThat(held.holders()).isEqualTo(2);

    cache.acquire(gated("a", 2, 9_000), "b/", false).join().release();

    assertThat(held.holders()).as("out of the cache, but a response still writes it").isEqualTo(1);
    assertThat(bytes(held.body(false))).hasSizeGreaterThan(9_000);
    held.release();
    assertThat(held.holders()).isZero();
  }

  @Test
  void renderingsEvictedForSpaceAreFreed() {
    // Room for about two renderings of 20 KB.
    ViewCache cache = new ViewCache(50_000, Runnable::run);
    java.util.List<View> views = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      View v = cache.acquire(gated("p" + i, 1, 20_000), "b/", false).join();
      v.release(); // the response is written
      views.add(v);
    }
    cache.cleanUp();

    long cached = views.stream().filter(v -> v.holders() == 1).count();
    assertThat(cached).isEqualTo(cache.size()).isLessThanOrEqualTo(2);
    assertThat(views.stream().filter(v -> v.holders() == 0)).hasSize(10 - (int) cached);
    // A freed rendering asked for again is rendered anew.
    View again = cache.acquire(gated("p0", 1, 20_000), "b/", false).join();
    assertThat(again.holders()).isGreaterThanOrEqualTo(1);
    assertThat(bytes(again.body(false))).hasSizeGreaterThan(20_000);
    again.release();
  }

  private static GatedPackument gated(String name, long generation, int descriptionBytes) {
    byte[] json = ("{\"name\":\"" + name + "\",\"description\":\"" + "x".repeat(descriptionBytes)
        + "\",\"versions\":{\"1.0.0\":{\"version\":\"1.0.0\",\"dist\":{}}}}")
        .getBytes(StandardCharsets.UTF_8);
    PackumentIndex index = PackumentIndex.parse(PackageName.parse(name), json,
        URI.create("http://127.0.0.1:9/"));
    PackageVerdict verdict = PackageVerdict.allowing(index.versions().keySet());
    return new GatedPackument(new PackumentSnapshot(new CachedPackument(json, null, null,
        Instant.EPOCH), index, generation, null, null), verdict, VisibleVersions.of(index, verdict), 0,
        java.util.Optional.empty());
  }

  private static byte[] bytes(ByteBuf buf) {
    return ByteBufUtil.getBytes(buf);
  }
}
