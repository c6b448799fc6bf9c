package dev.lazaret.proxy.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.storage.Record;
import dev.lazaret.storage.RecordSpace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.Test;

/** Remembered 404s: found again, forgotten when due, and bounded however many names come. */
class AbsentNamesTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  private final MemorySpace space = new MemorySpace();

  @Test
  void aRememberedNameIsAbsentUntilItIsTooOldOrForgotten() {
    AbsentNames names = new AbsentNames(space);
    names.remember("@esbuild/aix-ppc64", NOW);

    assertThat(names.isAbsent("@esbuild/aix-ppc64", NOW.plus(Duration.ofDays(29)))).isTrue();
    assertThat(names.isAbsent("@esbuild/aix-ppc64", NOW.plus(AbsentNames.MAX_AGE))).isFalse();
    assertThat(names.isAbsent("left-pad", NOW)).isFalse();

    names.forget("@esbuild/aix-ppc64");
    assertThat(names.isAbsent("@esbuild/aix-ppc64", NOW)).isFalse();
  }

  @Test
  void survivesANewInstanceOverTheSameStore() {
    new AbsentNames(space).remember("gone", NOW);
    assertThat(new AbsentNames(space).isAbsent("gone", NOW.plusSeconds(60))).isTrue();
  }

  @Test
  void aFloodOfRandomNamesIsBoundedAndKeepsTheNewest() {
    AbsentNames names = new AbsentNames(space, 100);
    for (int i = 0; i < 1_000; i++) {
      names.remember("random-" + i, NOW.plusSeconds(i));
    }
    assertThat(space.records.size()).isLessThanOrEqualTo(100);
    assertThat(names.isAbsent("random-999", NOW.plusSeconds(1_000))).isTrue();
    assertThat(names.isAbsent("random-0", NOW.plusSeconds(1_000))).isFalse();
  }

  @Test
  void namesPastTheMaxAgeGoFirstWhenPruning() {
    AbsentNames names = new AbsentNames(space, 4);
    names.remember("old-1", NOW);
    names.remember("old-2", NOW);
    Instant later = NOW.plus(AbsentNames.MAX_AGE).plusSeconds(1);
    names.remember("new-1", later);
    names.remember("new-2", later);
    names.remember("new-3", later);

    assertThat(space.records.keySet()).containsExactlyInAnyOrder("new-1", "new-2", "new-3");
  }

  @Test
  void aBrokenStoreNeverBreaksTheAnswer() {
    AbsentNames names = new AbsentNames(new MemorySpace() {
      @Override
      public Optional<byte[]> get(String key) {
        throw new IllegalStateException("store closed");
      }
    });
    names.remember("x", NOW);
    assertThat(names.isAbsent("x", NOW)).isFalse();
  }

  /** A record space in memory, ordered like the real one. */
  private static class MemorySpace implements RecordSpace {
    final Map<String, byte[]> records = new ConcurrentSkipListMap<>();

    @Override
    public String name() {
      return "absent";
    }

    @Override
    public Optional<byte[]> get(String key) {
      return Optional.ofNullable(records.get(key));
    }

    @Override
    public void put(String key, byte[] value) {
      records.put(key, value);
    }

    @Override
    public void delete(String key) {
      records.remove(key);
    }

    @Override
    public List<Record> scan(String prefix, String startAfter, int limit) {
      List<Record> page = new ArrayList<>();
      for (Map.Entry<String, byte[]> e : records.entrySet()) {
        if (page.size() == limit) {
          break;
        }
        if (e.getKey().startsWith(prefix)
            && (startAfter == null || e.getKey().compareTo(startAfter) > 0)) {
          page.add(new Record(e.getKey(), e.getValue()));
        }
      }
      return page;
    }

    @Override
    public long count(String prefix) {
      return records.keySet().stream().filter(k -> k.startsWith(prefix)).count();
    }
  }
}
