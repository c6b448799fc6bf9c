package dev.lazaret.proxy.quarantine;

/**
 * Whether the state database answered last time anyone asked: false after a connection failure,
 * true after any success. Both the pool's calls and the change feed's connection report here, so
 * that the state shows as reachable again as soon as the feed reconnects, without traffic.
 */
final class PgReachability {

  private volatile boolean reachable = true;

  /** The database answered. */
  void succeeded() {
    reachable = true;
  }

  /** The database could not be reached, or stopped answering. */
  void failed() {
    reachable = false;
  }

  /** What the last outcome showed (true until anything failed). */
  boolean reachable() {
    return reachable;
  }
}
