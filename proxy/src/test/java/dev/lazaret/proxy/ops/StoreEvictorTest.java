package dev.lazaret.proxy.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.storage.Eviction;
import dev.lazaret.storage.StoredTarball;
import dev.lazaret.storage.TarballDigest;
import dev.lazaret.storage.TarballStore;
import dev.lazaret.storage.TarballWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoreEvictorTest {

  /** A store that only has a size, and shrinks to whatever it is asked to. */
  private static final class SizedStore implements TarballStore {
    long stored;
    final List<Long> evictions = new ArrayList<>();

    @Override
    public Optional<StoredTarball> find(TarballDigest digest) {
      return Optional.empty();
    }

    @Override
    public TarballWriter begin() {
      throw new UnsupportedOperationException();
    }

    @Override
    public int chunkSize() {
      return 1 << 16;
    }

    @Override
    public long storedBytes() {
      return stored;
    }

    @Override
    public Eviction evictTo(long maxBytes) {
      evictions.add(maxBytes);
      Eviction e = new Eviction(3, stored - maxBytes);
      stored = maxBytes;
      return e;
    }
  }

  private final SizedStore store = new SizedStore();
  private final Metrics metrics = new Metrics();

  @Test
  void underTheLimitNothingIsEvicted() {
    StoreEvictor evictor = new StoreEvictor(store, 1000, metrics);
    store.stored = 1000;
    assertThat(evictor.check()).isEqualTo(Eviction.NONE);
    assertThat(store.evictions).isEmpty();
  }

  @Test
  void overTheLimitEvictsDownToALittleUnderIt() {
    StoreEvictor evictor = new StoreEvictor(store, 1000, metrics);
    store.stored = 1200;
    assertThat(evictor.check()).isEqualTo(new Eviction(3, 250));
    assertThat(store.evictions).containsExactly(950L);
    MetricsText m = new MetricsText(metrics.scrape());
    assertThat(m.value("lazaret_store_evicted_tarballs_total")).isEqualTo(3);
    assertThat(m.value("lazaret_store_evicted_bytes_total")).isEqualTo(250);
    assertThat(m.value("lazaret_store_max_bytes")).isEqualTo(1000);
  }

  @Test
  void noLimitNeverEvicts() {
    StoreEvictor evictor = new StoreEvictor(store, 0, metrics);
    store.stored = Long.MAX_VALUE;
    assertThat(evictor.enabled()).isFalse();
    assertThat(evictor.check()).isEqualTo(Eviction.NONE);
    assertThat(store.evictions).isEmpty();
  }
}
