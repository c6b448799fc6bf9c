package dev.lazaret.proxy.quarantine;

/**
 * Changes to the shared quarantine state made by other nodes: analyst decisions and rule changes
 * announced by the database, and a full resync whenever an announcement may have been missed
 * (after a reconnect, and periodically). The embedded state has no other writers: {@link #NONE}.
 */
public interface StateChanges extends AutoCloseable {

  /** What a node does when another node changed the state. */
  interface Listener {

    /** A decision about a version of {@code packageName} was stored (by any node). */
    void decisionChanged(String packageName);

    /** A stored rule was added or removed (by any node). */
    void rulesChanged();

    /** Announcements may have been missed: reload decisions and rules, re-judge what changed. */
    void resync();
  }

  /** Starts delivering changes to {@code listener} (on a thread of its own). */
  void start(Listener listener);

  /** Whether announcements are being received now (false while reconnecting). */
  boolean connected();

  /** Stops listening. */
  @Override
  void close();

  /** No other writers: nothing is ever announced. */
  StateChanges NONE = new StateChanges() {
    @Override
    public void start(Listener listener) {
    }

    @Override
    public boolean connected() {
      return true;
    }

    @Override
    public void close() {
    }
  };
}
