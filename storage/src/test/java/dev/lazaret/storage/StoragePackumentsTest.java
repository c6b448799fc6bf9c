package dev.lazaret.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packument contract through {@link Storage}, i.e. with the hot cache in front of RocksDB. */
class StoragePackumentsTest extends PackumentStoreContract {

  @TempDir Path dir;
  private Storage storage;

  @BeforeEach
  void open() {
    storage = Storage.open(StorageOptions.defaults(dir));
  }

  @AfterEach
  void close() {
    storage.close();
  }

  @Override
  protected PackumentStore store() {
    return storage.packuments();
  }

  @Test
  void cachedPackumentIsReplacedOnPutNotServedStale() {
    store().put("vue", packument("{\"v\":1}", "one", T0));
    store().get("vue");
    CachedPackument second = packument("{\"v\":2}", "two", T0.plusSeconds(1));
    store().put("vue", second);
    assertSame(store().get("vue"), second);
  }

  @Test
  void cachedPackumentIsGoneAfterDelete() {
    store().put("vue", packument("{}", "one", T0));
    store().get("vue");
    store().delete("vue");
    assertThat(store().get("vue")).isEmpty();
  }

  @Test
  void cachedPackumentShowsTheRevalidation() {
    CachedPackument original = packument("{}", "one", T0);
    store().put("vue", original);
    store().get("vue");
    store().markRevalidated("vue", T0.plusSeconds(5));
    assertSame(store().get("vue"), original.revalidatedAt(T0.plusSeconds(5)));
  }

  @Test
  void writesAreDurableWhateverTheCacheHolds() {
    CachedPackument original = packument("{\"durable\":true}", "d", T0);
    store().put("durable", original);
    storage.close();
    storage = Storage.open(StorageOptions.defaults(dir));
    assertSame(store().get("durable"), original);
  }

  @Test
  void packumentsLargerThanTheCacheBudgetAreStillServed() {
    storage.close();
    storage = Storage.open(new StorageOptions(dir, 16, StorageOptions.DEFAULT_TARBALL_CHUNK_SIZE));
    CachedPackument big = packument("{\"far\":\"more than sixteen bytes\"}", "b", T0);
    store().put("big", big);
    assertSame(store().get("big"), big);
    assertSame(store().get("big"), big);
  }
}
