package dev.lazaret.storage.rocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazaret.storage.StoreException;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The hand-written value formats and key layout. */
class RecordFormatTest {

  private static final Instant WHEN = Instant.parse("2026-03-01T10:00:00.000000007Z");

  @Test
  void packumentMetaRoundTrips() {
    PackumentMeta meta = new PackumentMeta("W/\"é\"", null, WHEN);
    assertThat(PackumentMeta.decode(meta.encode())).isEqualTo(meta);
  }

  @Test
  void manifestRoundTrips() {
    TarballManifest manifest = new TarballManifest(-42L, 5L << 30, 20_480, 256 << 10, WHEN);
    assertThat(TarballManifest.decode(manifest.encode())).isEqualTo(manifest);
  }

  @Test
  void unknownFormatVersionIsReported() {
    byte[] value = new PackumentMeta(null, null, WHEN).encode();
    value[0] = 9;
    assertThatThrownBy(() -> PackumentMeta.decode(value))
        .isInstanceOf(StoreException.class)
        .hasMessage("stored packument metadata has format version 9, expected 1");
  }

  @Test
  void truncatedValueIsReported() {
    byte[] value = new PackumentMeta("etag", null, WHEN).encode();
    assertThatThrownBy(() -> PackumentMeta.decode(Arrays.copyOf(value, value.length - 3)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void chunkRangeCoversEveryIndexOfItsDownloadOnly() {
    for (long id : new long[] {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE}) {
      byte[] start = ChunkKey.rangeStart(id);
      byte[] end = ChunkKey.rangeEnd(id);
      assertThat(Arrays.compareUnsigned(start, ChunkKey.of(id, 0))).isLessThanOrEqualTo(0);
      assertThat(Arrays.compareUnsigned(ChunkKey.of(id, Integer.MAX_VALUE), end)).isNegative();
      if (id != -1) {
        assertThat(Arrays.compareUnsigned(end, ChunkKey.of(id + 1, 0))).isNegative();
      }
      assertThat(ChunkKey.stagingIdOf(ChunkKey.staging(id))).isEqualTo(id);
    }
  }
}
