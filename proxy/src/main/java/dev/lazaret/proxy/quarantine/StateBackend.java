package dev.lazaret.proxy.quarantine;

import dev.lazaret.storage.RemovedVersionLog;
import dev.lazaret.storage.Storage;

/**
 * Where this node keeps what every node must agree on: the quarantine state, the announcements
 * of other nodes' changes to it, and the removed-version log. Embedded: the local store, no
 * other writers. Clustered: one PostgreSQL database shared by every node.
 *
 * @param state           holds, decisions, rules, audit log, publisher evidence (counted)
 * @param changes         other nodes' decisions and rule changes
 * @param removedVersions versions that vanished upstream
 * @param closer          releases the connections, if any
 */
public record StateBackend(CountingQuarantineState state, StateChanges changes,
    RemovedVersionLog removedVersions, AutoCloseable closer) implements AutoCloseable {

  /** The embedded backend: everything in {@code storage}, as a single node keeps it. */
  public static StateBackend embedded(Storage storage, String nodeName) {
    return new StateBackend(new CountingQuarantineState(RocksQuarantineState.open(storage, nodeName)),
        StateChanges.NONE, storage.removedVersions(), () -> { });
  }

  /** Stops listening for changes and releases the connections. */
  @Override
  public void close() {
    changes.close();
    try {
      closer.close();
    } catch (Exception e) {
      org.slf4j.LoggerFactory.getLogger(StateBackend.class)
          .warn("closing the quarantine state failed: {}", e.toString());
    }
  }
}
