package dev.lazaret.proxy.quarantine;

import java.util.Arrays;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The state database's schema: versioned migrations ({@code db/quarantine/V*__*.sql}), applied
 * by Flyway at start under its lock, so nodes starting together migrate once. A database
 * migrated by a newer release is refused before anything is written to it: this build would
 * misread what the newer one stores.
 */
final class PgSchema {

  /** Where the migrations are. */
  static final String LOCATION = "classpath:db/quarantine";
  /** Flyway's history table, named for Lazaret so that it cannot collide in a shared database. */
  static final String HISTORY = "lazaret_schema_history";

  private PgSchema() {
  }

  /** Brings the schema up to this build's version, or refuses a newer one. */
  static void migrate(DataSource dataSource) {
    Flyway flyway = Flyway.configure(PgSchema.class.getClassLoader())
        .dataSource(dataSource)
        .locations(LOCATION)
        .table(HISTORY)
        .load();
    refuseNewer(flyway.info().all());
    flyway.migrate();
  }

  private static void refuseNewer(MigrationInfo[] migrations) {
    String newer = Arrays.stream(migrations)
        .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS
            || m.getState() == MigrationState.FUTURE_FAILED)
        .map(m -> m.getVersion() + " (" + m.getDescription() + ")")
        .collect(Collectors.joining(", "));
    if (newer.isEmpty()) {
      return;
    }
    MigrationVersion known = Arrays.stream(migrations)
        .filter(m -> m.getState().isResolved() && m.getVersion() != null)
        .map(MigrationInfo::getVersion)
        .max(MigrationVersion::compareTo)
        .orElse(MigrationVersion.EMPTY);
    throw new SchemaTooNewException("the quarantine state database was migrated by a newer "
        + "Lazaret: it has schema version " + newer + ", and this build understands versions up "
        + "to " + known + ". Upgrade Lazaret to that release (every node must run it), or point "
        + "the state setting at another database");
  }

  /** The database's schema is newer than this build understands. */
  static final class SchemaTooNewException extends IllegalStateException {
    SchemaTooNewException(String message) {
      super(message);
    }
  }
}
