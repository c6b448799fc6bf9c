package dev.lazaret.proxy.quarantine;

/**
 * Whether the state database answered last time anyone asked: false after a connection failure,
 * true after any success. Both the pool's calls and the change feed's connection report here, so
 * that the state shows as reachable again as soon as the feed reconnects, without traffic.
 */
final class PgReachability {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(PgReachability.class);

  private volatile boolean reachable = true;

  /** The database answered. */
  void succeeded() {
    if (!reachable) {
      reachable = true;
      log.info("quarantine state database reachable again");
    }
  }

  /** The database could not be reached, or stopped answering. */
  void failed() {
    if (reachable) {
      reachable = false;
      // Once per outage, not per failed call: every request that needs a verdict may fail.
      log.warn("{}: versions without a verdict get 503s, admin writes too, until it answers",
          StateUnavailableException.MESSAGE);
    }
  }

  /** What the last outcome showed (true until anything failed). */
  boolean reachable() {
    return reachable;
  }
}
