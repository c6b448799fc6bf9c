package dev.lazaret.proxy.quarantine;

import dev.lazaret.proxy.config.ClusterSettings;
import dev.lazaret.storage.Storage;

/** Opens the quarantine state where the settings say: the local store, or PostgreSQL. */
public final class StateSetup {

  private StateSetup() {
  }

  /**
   * The state for {@code cluster}.
   *
   * @throws IllegalStateException with a one-line message if the database cannot be reached or
   *                               its schema is newer than this build understands
   */
  public static StateBackend open(ClusterSettings cluster, Storage storage) {
    if (cluster.embedded()) {
      return StateBackend.embedded(storage, cluster.nodeName());
    }
    PgState pg = PgState.open(cluster.state().orElseThrow().toString(),
        cluster.statePassword().orElse(null), cluster.nodeName());
    return new StateBackend(new CountingQuarantineState(pg.state()), pg.changes(),
        pg.removedVersions(), pg);
  }
}
