package dev.lazaret.storage.rocks;

import dev.lazaret.storage.StoreException;
import dev.lazaret.storage.WriteFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the store back after writes failed (disk full, read-only), without a restart. Called
 * every {@link #CHECK_INTERVAL}: while writes fail it probes with a small write (RocksDB may have
 * cleared the error itself) and otherwise reopens the database, which clears RocksDB's
 * stopped-writes state, as soon as the data directory takes writes again, at most once per
 * {@link #REOPEN_INTERVAL} so a disk that keeps filling does not keep readers waiting. While
 * writes work it only watches RocksDB's count of background errors, and probes when it rises: a
 * failed flush stops writes before any request sees it.
 */
final class WriteRecovery {

  private static final Logger log = LoggerFactory.getLogger(WriteRecovery.class);

  /** How often {@link #check} runs: recovery is noticed within this after the disk is fixed. */
  static final Duration CHECK_INTERVAL = Duration.ofSeconds(2);
  /** Reopening blocks every store call for its duration: not more often than this. */
  static final Duration REOPEN_INTERVAL = Duration.ofSeconds(10);

  /** What a check did. */
  enum Outcome {
    /** Writes work and nothing suggests otherwise. */
    HEALTHY,
    /** Writes failed and work again. */
    RECOVERED,
    /** Writes fail; the data directory cannot take a reopen yet (still full or read-only). */
    WAITING,
    /** Writes fail; a reopen was tried too recently to try another. */
    THROTTLED,
    /** Writes fail; reopening was tried and did not help yet. */
    STILL_FAILING
  }

  /** The database as recovery sees it (a seam for tests). */
  interface Target {
    /** Why writes fail, if they do. */
    Optional<WriteFailure> writeFailure();

    /** A small write and its delete; true if both worked (a failure is recorded). */
    boolean probeWrite();

    /** How many calls failed since open, counting those noted on an already recorded failure. */
    long failuresNoted();

    /**
     * Forgets the recorded failure unless a call failed since {@link #failuresNoted} returned
     * {@code failuresBeforeProbe}; true if it was forgotten.
     */
    boolean clearFailure(long failuresBeforeProbe);

    /** RocksDB's count of background errors since open, or -1 if it cannot be read. */
    long backgroundErrors();

    /** Why the data directory cannot take a reopen yet (too little space, read-only), if so. */
    Optional<String> reopenBlocker();

    /** Closes and opens the database; throws {@link StoreException} if the open fails. */
    void reopen();
  }

  private final Target target;
  private final Clock clock;
  private final String where;
  private final Runnable afterRecovery;
  private long backgroundErrors;
  private Instant lastReopen;
  private String lastBlocker;

  /**
   * Recovers {@code target}, named {@code where} in the log; {@code afterRecovery} tidies up what
   * failed writes left behind, once writes work again.
   */
  WriteRecovery(Target target, Clock clock, String where, Runnable afterRecovery) {
    this.target = target;
    this.clock = clock;
    this.where = where;
    this.afterRecovery = afterRecovery;
    this.backgroundErrors = Math.max(0, target.backgroundErrors());
  }

  /** One step; never throws, so a scheduled executor keeps calling it. */
  synchronized Outcome check() {
    try {
      Optional<WriteFailure> failure = target.writeFailure();
      if (failure.isEmpty()) {
        return watch();
      }
      return recover(failure.get());
    } catch (RuntimeException e) {
      log.warn("Checking whether writes to the store in {} work failed", where, e);
      return Outcome.STILL_FAILING;
    }
  }

  private Outcome watch() {
    long now = target.backgroundErrors();
    if (now <= backgroundErrors) {
      return Outcome.HEALTHY;
    }
    backgroundErrors = now;
    // The probe records the failure if writes now fail; the next check starts recovering.
    return target.probeWrite() ? Outcome.HEALTHY : Outcome.STILL_FAILING;
  }

  private Outcome recover(WriteFailure failure) {
    long failuresBeforeProbe = target.failuresNoted();
    if (target.probeWrite()) {
      return recovered(failure, "", failuresBeforeProbe);
    }
    Instant now = clock.instant();
    if (lastReopen != null && now.isBefore(lastReopen.plus(REOPEN_INTERVAL))) {
      return Outcome.THROTTLED;
    }
    Optional<String> blocker = target.reopenBlocker();
    if (blocker.isPresent()) {
      if (!blocker.get().equals(lastBlocker)) {
        log.warn("Store in {} still cannot write: {}", where, blocker.get());
        lastBlocker = blocker.get();
      }
      return Outcome.WAITING;
    }
    lastBlocker = null;
    lastReopen = now;
    try {
      target.reopen();
    } catch (StoreException e) {
      log.warn("Reopening the store in {} after failed writes did not work: {}", where,
          e.getMessage());
      return Outcome.STILL_FAILING;
    }
    failuresBeforeProbe = target.failuresNoted();
    return target.probeWrite()
        ? recovered(failure, " after reopening it", failuresBeforeProbe)
        : Outcome.STILL_FAILING;
  }

  private Outcome recovered(WriteFailure failure, String how, long failuresBeforeProbe) {
    // A write that failed while the probe ran (or since) outweighs the probe: clearing the
    // failure then would report writes working until yet another write fails. Keep it; the
    // next check probes again.
    if (!target.clearFailure(failuresBeforeProbe)) {
      log.info("Store in {}: a write failed while probing whether writes work again; checking"
          + " again in {} s", where, CHECK_INTERVAL.toSeconds());
      return Outcome.STILL_FAILING;
    }
    backgroundErrors = Math.max(0, target.backgroundErrors());
    lastReopen = null;
    log.info("Writes to the store in {} work again{}; they had failed since {} ({})", where, how,
        failure.since(), failure.reason());
    try {
      afterRecovery.run();
    } catch (RuntimeException e) {
      log.warn("Tidying up after failed writes in {} did not work; the next start does it", where,
          e);
    }
    return Outcome.RECOVERED;
  }
}
