package dev.lazaret.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * While the disk is full, a packument the upstream just confirmed (304) must keep serving: the
 * revalidation time is kept in memory. A new document still fails loudly, for the caller to
 * decide.
 */
class HotPackumentStoreWriteFailureTest {

  private static final Instant T0 = Instant.parse("2026-12-06T03:00:00Z");
  private static final WriteFailure FULL =
      new WriteFailure("No space left on device", "No space left on device", T0);

  private final FailingDurable durable = new FailingDurable();
  private final HotPackumentStore store = new HotPackumentStore(durable, 1 << 20);

  @Test
  void aRevalidationThatCannotBeWrittenIsKeptInMemory() {
    store.put("pad", new CachedPackument("{}".getBytes(StandardCharsets.UTF_8), "\"e\"", null, T0));
    durable.failing = true;

    store.markRevalidated("pad", T0.plusSeconds(600));

    assertThat(store.get("pad")).hasValueSatisfying(
        p -> assertThat(p.fetchedAt()).isEqualTo(T0.plusSeconds(600)));
  }

  @Test
  void aNewDocumentThatCannotBeWrittenStillFails() {
    durable.failing = true;
    assertThatThrownBy(() -> store.put("pad",
        new CachedPackument("{}".getBytes(StandardCharsets.UTF_8), "\"e\"", null, T0)))
        .isInstanceOf(WritesFailingException.class);
    assertThat(store.get("pad")).isEmpty();
  }

  /** A durable store whose writes fail on demand, as RocksDB's do on a full disk. */
  private static final class FailingDurable implements PackumentStore {
    final Map<String, CachedPackument> stored = new HashMap<>();
    boolean failing;

    @Override
    public Optional<CachedPackument> get(String name) {
      return Optional.ofNullable(stored.get(name));
    }

    @Override
    public void put(String name, CachedPackument packument) {
      failIfFull();
      stored.put(name, packument);
    }

    @Override
    public void markRevalidated(String name, Instant when) {
      failIfFull();
      stored.computeIfPresent(name, (k, p) -> p.revalidatedAt(when));
    }

    @Override
    public void delete(String name) {
      failIfFull();
      stored.remove(name);
    }

    private void failIfFull() {
      if (failing) {
        throw new WritesFailingException("put failed: No space left on device", FULL, null);
      }
    }
  }
}
