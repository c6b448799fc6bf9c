package dev.lazaret.proxy.quarantine;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether one upstream's advisory service answers, as the operator hears of it: one line when it
 * stops answering, one when it answers again, and a count of every failed lookup in between. A
 * line per failed lookup buried the log (1,109 on a first install against a registry without
 * an advisory service).
 */
final class AdvisoryServiceHealth {

  /** The metric the failures are counted in, named in the log line so operators find it. */
  static final String METRIC = "lazaret_advisory_lookup_failures_total";

  private static final Logger log = LoggerFactory.getLogger(AdvisoryServiceHealth.class);

  private final String upstream;
  private final AtomicBoolean failing = new AtomicBoolean();
  private final ConcurrentMap<String, LongAdder> failures = new ConcurrentHashMap<>();

  AdvisoryServiceHealth(String upstream) {
    this.upstream = upstream;
  }

  /** A lookup got an answer. */
  void answered() {
    if (failing.compareAndSet(true, false)) {
      log.info("the advisory service of upstream '{}' answers again; malware advisories are"
          + " checked again", upstream);
    }
  }

  /**
   * A lookup failed.
   *
   * @param kind      a short label for the metric ({@code no-service}, {@code timeout}, ...)
   * @param noService whether the upstream said it has no advisory service at all
   * @param reason    what happened, in words
   */
  void failed(String kind, boolean noService, String reason) {
    failures.computeIfAbsent(kind, k -> new LongAdder()).increment();
    if (!failing.compareAndSet(false, true)) {
      return;
    }
    if (noService) {
      log.warn("upstream '{}' has no advisory service ({}); its packages are not checked for"
          + " malware advisories until it has one (failed lookups are counted in {})",
          upstream, reason, METRIC);
    } else {
      log.warn("the advisory service of upstream '{}' is unavailable ({}); malware advisory"
          + " checks are skipped until it answers again (failed lookups are counted in {})",
          upstream, reason, METRIC);
    }
  }

  /** Failed lookups so far, by kind. */
  Map<String, Long> failures() {
    Map<String, Long> counts = new TreeMap<>();
    failures.forEach((kind, n) -> counts.put(kind, n.sum()));
    return counts;
  }
}
