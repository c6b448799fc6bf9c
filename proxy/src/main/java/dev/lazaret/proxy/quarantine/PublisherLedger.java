package dev.lazaret.proxy.quarantine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lazaret.policy.PackageFacts;
import dev.lazaret.policy.VersionFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything Lazaret has learned about publishing accounts, kept in the store so that an
 * account's history survives restarts: when Lazaret first saw it, its earliest publish in any
 * packument read, and the upstream's maintainer search. Hot records stay in memory. What is
 * learned takes effect in memory at once and is written in the background, so judging never
 * waits for the state to store it.
 */
public final class PublisherLedger {

  /** The most accounts whose records may wait to be written. */
  static final int WRITE_CAPACITY = 100_000;

  private final QuarantineState state;
  private final Cache<String, PublisherRecord> hot =
      Caffeine.newBuilder().maximumSize(50_000).build();
  /** Each value is derived from the one before it, so the newest one is what to write. */
  private final CoalescingWriter<PublisherRecord> writes;

  /** A ledger over the publisher evidence in {@code state}. */
  public PublisherLedger(QuarantineState state) {
    this(state, CoalescingWriter.FIRST_BACKOFF);
  }

  /** A ledger whose failed writes are retried after {@code firstBackoff}, doubling. */
  PublisherLedger(QuarantineState state, Duration firstBackoff) {
    this.state = state;
    this.writes = new CoalescingWriter<>("publisher records", WRITE_CAPACITY,
        (older, newer) -> newer, state::savePublisher, firstBackoff,
        CoalescingWriter.MAX_BACKOFF);
  }

  /** The record of {@code name}, if Lazaret has ever seen it publish. */
  public Optional<PublisherRecord> find(String name) {
    PublisherRecord r = hot.getIfPresent(name);
    if (r != null) {
      return Optional.of(r);
    }
    // Not yet written (and evicted from memory meanwhile): newer than the stored one.
    Optional<PublisherRecord> unwritten = writes.latest(name);
    if (unwritten.isPresent()) {
      return unwritten;
    }
    Optional<PublisherRecord> stored = state.publisher(name);
    stored.ifPresent(s -> hot.put(name, s));
    return stored;
  }

  /** Notes every publish in {@code facts}; queues only what changed. */
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

  /** Records waiting to be written. */
  long pendingWrites() {
    return writes.pending();
  }

  /** Records dropped unwritten (the queue was full, or a write kept failing on a bug). */
  long droppedWrites() {
    return writes.dropped();
  }

  /** Waits until every record learned so far is written; false if some still wait. */
  boolean awaitWritten(Duration timeout) {
    return writes.awaitWritten(timeout);
  }

  /** Writes what waits, for at most {@code bound}, then stops writing. */
  void close(Duration bound) {
    writes.close(bound);
  }

  private void save(PublisherRecord record) {
    hot.put(record.name(), record);
    writes.submit(record.name(), record);
  }
}
