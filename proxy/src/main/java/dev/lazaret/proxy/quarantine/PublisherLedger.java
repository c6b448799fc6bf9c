package dev.lazaret.proxy.quarantine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lazaret.policy.PackageFacts;
import dev.lazaret.policy.VersionFacts;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything Lazaret has learned about publishing accounts, kept in the store so that an
 * account's history survives restarts: when Lazaret first saw it, its earliest publish in any
 * packument read, and the upstream's maintainer search. Hot records stay in memory.
 */
public final class PublisherLedger {

  private final QuarantineState state;
  private final Cache<String, PublisherRecord> hot =
      Caffeine.newBuilder().maximumSize(50_000).build();

  /** A ledger over the publisher evidence in {@code state}. */
  public PublisherLedger(QuarantineState state) {
    this.state = state;
  }

  /** The record of {@code name}, if Lazaret has ever seen it publish. */
  public Optional<PublisherRecord> find(String name) {
    PublisherRecord r = hot.getIfPresent(name);
    if (r != null) {
      return Optional.of(r);
    }
    Optional<PublisherRecord> stored = state.publisher(name);
    stored.ifPresent(s -> hot.put(name, s));
    return stored;
  }

  /** Notes every publish in {@code facts}; stores only what changed. */
  public synchronized void observe(PackageFacts facts, Instant now) {
    Map<String, Instant> earliest = new HashMap<>();
    for (VersionFacts v : facts.versions()) {
      if (v.publisher() != null && !v.publisher().isEmpty()) {
        earliest.merge(v.publisher(), v.publishedAt() == null ? now : v.publishedAt(),
            (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    earliest.forEach((name, at) -> {
      Optional<PublisherRecord> known = find(name);
      PublisherRecord updated = known.map(r -> r.withPublish(at))
          .orElseGet(() -> PublisherRecord.firstSeen(name, now, at));
      if (known.isEmpty() || !Objects.equals(known.get(), updated)) {
        save(updated);
      }
    });
  }

  /** Records a maintainer-search answer for {@code name}. */
  public synchronized PublisherRecord recordSearch(String name, int packages, Instant oldestDate, Instant at) {
    PublisherRecord base = find(name).orElseGet(() -> PublisherRecord.firstSeen(name, at, null));
    PublisherRecord updated = base.withSearch(packages, oldestDate, at);
    save(updated);
    return updated;
  }

  private void save(PublisherRecord record) {
    state.savePublisher(record);
    hot.put(record.name(), record);
  }
}
