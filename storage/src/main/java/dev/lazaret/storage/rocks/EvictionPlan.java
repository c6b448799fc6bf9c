package dev.lazaret.storage.rocks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Chooses the least recently used tarballs that together free at least a given number of bytes,
 * from candidates offered in any order. Holds only the tarballs it would evict, not every one
 * offered, so planning over a large store stays small.
 */
final class EvictionPlan {

  /** A committed tarball as seen when the plan was made. */
  record Candidate(String digestKey, long stagingId, long size, Instant lastAccess) {}

  private static final Comparator<Candidate> OLDEST_FIRST =
      Comparator.comparing(Candidate::lastAccess).thenComparing(Candidate::digestKey);

  private final long bytesToFree;
  private final PriorityQueue<Candidate> newestOnTop = new PriorityQueue<>(OLDEST_FIRST.reversed());
  private long plannedBytes;

  EvictionPlan(long bytesToFree) {
    this.bytesToFree = bytesToFree;
  }

  void offer(Candidate candidate) {
    newestOnTop.add(candidate);
    plannedBytes += candidate.size();
    // The most recently used planned tarball is not needed if the older ones free enough alone.
    while (plannedBytes - newestOnTop.peek().size() >= bytesToFree) {
      plannedBytes -= newestOnTop.poll().size();
      if (newestOnTop.isEmpty()) {
        break;
      }
    }
  }

  /** The chosen tarballs, least recently used first. */
  List<Candidate> victims() {
    List<Candidate> victims = new ArrayList<>(newestOnTop);
    victims.sort(OLDEST_FIRST);
    return victims;
  }
}
