package dev.lazaret.proxy.registry;

import dev.lazaret.storage.Record;
import dev.lazaret.storage.RecordSpace;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Package names the upstream last answered 404 for, kept in the store: while the upstream cannot
 * be asked, npm's probes for names that do not exist (optional platform packages, typos) still
 * get a 404 rather than a 502, also after a restart. Bounded: names older than {@link #MAX_AGE}
 * are forgotten, and past {@link #MAX_NAMES} the oldest are dropped, so a flood of random names
 * cannot grow the store without limit.
 */
final class AbsentNames {

  private static final Logger log = LoggerFactory.getLogger(AbsentNames.class);

  /** A 404 older than this is no longer trusted as an answer, whatever the upstream's state. */
  static final Duration MAX_AGE = Duration.ofDays(30);
  /** At most this many names are kept; beyond it the oldest quarter goes. */
  static final int MAX_NAMES = 20_000;
  /** A name already remembered more recently than this is not written again. */
  private static final Duration REWRITE_AFTER = Duration.ofDays(1);
  private static final int PAGE = 1_000;

  private final RecordSpace space;
  private final int maxNames;
  /** Names stored, or -1 until first counted (counting is linear, so it is done once, lazily). */
  private final AtomicLong stored = new AtomicLong(-1);

  AbsentNames(RecordSpace space) {
    this(space, MAX_NAMES);
  }

  AbsentNames(RecordSpace space, int maxNames) {
    this.space = space;
    this.maxNames = maxNames;
  }

  /** The upstream answered 404 for {@code name} at {@code when}. */
  void remember(String name, Instant when) {
    try {
      Optional<Instant> before = lastAbsent(name);
      if (before.isPresent() && when.isBefore(before.get().plus(REWRITE_AFTER))) {
        return;
      }
      space.put(name, ByteBuffer.allocate(Long.BYTES).putLong(when.toEpochMilli()).array());
      if (before.isEmpty() && count() + 1 > maxNames) {
        prune(when);
      } else if (before.isEmpty()) {
        stored.incrementAndGet();
      }
    } catch (RuntimeException e) {
      // The 404 is still answered; only its memory across outages is lost.
      log.warn("cannot remember that {} does not exist upstream: {}", name, e.toString());
    }
  }

  /** Whether the upstream's last answer for {@code name} was a 404 no older than the max age. */
  boolean isAbsent(String name, Instant now) {
    try {
      return lastAbsent(name).filter(at -> now.isBefore(at.plus(MAX_AGE))).isPresent();
    } catch (RuntimeException e) {
      log.warn("cannot read whether {} exists upstream: {}", name, e.toString());
      return false;
    }
  }

  /** {@code name} exists upstream (again). */
  void forget(String name) {
    try {
      if (space.get(name).isPresent()) {
        space.delete(name);
        stored.updateAndGet(n -> n > 0 ? n - 1 : n);
      }
    } catch (RuntimeException e) {
      log.warn("cannot forget that {} did not exist upstream: {}", name, e.toString());
    }
  }

  private Optional<Instant> lastAbsent(String name) {
    return space.get(name).filter(v -> v.length == Long.BYTES)
        .map(v -> Instant.ofEpochMilli(ByteBuffer.wrap(v).getLong()));
  }

  private long count() {
    long n = stored.get();
    if (n < 0) {
      n = space.count("");
      stored.compareAndSet(-1, n);
    }
    return n;
  }

  /**
   * Drops names past the max age, then the oldest until a quarter of the room is free again, so
   * a flood pays for one pass per {@code maxNames / 4} new names.
   */
  private synchronized void prune(Instant now) {
    record Seen(String name, long at) {}
    List<Seen> kept = new ArrayList<>();
    long tooOld = now.minus(MAX_AGE).toEpochMilli();
    String after = null;
    for (List<Record> page; !(page = space.scan("", after, PAGE)).isEmpty(); ) {
      for (Record r : page) {
        long at = r.value().length == Long.BYTES ? ByteBuffer.wrap(r.value()).getLong() : 0;
        if (at < tooOld) {
          space.delete(r.key());
        } else {
          kept.add(new Seen(r.key(), at));
        }
      }
      after = page.getLast().key();
    }
    int target = maxNames - maxNames / 4;
    if (kept.size() > target) {
      kept.sort(Comparator.comparingLong(Seen::at));
      for (Seen s : kept.subList(0, kept.size() - target)) {
        space.delete(s.name());
      }
      log.info("forgot the {} oldest of {} names remembered as absent upstream",
          kept.size() - target, kept.size());
    }
    stored.set(Math.min(kept.size(), target));
  }
}
