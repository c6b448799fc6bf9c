package dev.lazaret.proxy.quarantine;

import dev.lazaret.storage.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Runs work against the state database: each call on its own connection, either one read or one
 * transaction that commits as a whole or rolls back. SQL failures become {@link StoreException}s,
 * as the embedded store's do.
 */
final class PgTransactions {

  /** Work on a connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Deadlock detected, serialization failure: the transaction was rolled back and may rerun. */
  private static final Set<String> RETRYABLE = Set.of("40P01", "40001");
  private static final int ATTEMPTS = 3;

  private final DataSource dataSource;

  PgTransactions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs {@code work} with autocommit: for reads and single statements. */
  <T> T read(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /**
   * Runs {@code work} in one transaction (read committed), committed if it returns normally. A
   * transaction PostgreSQL aborted to break a deadlock, or as a serialization failure, is run
   * again from the start (it was rolled back whole), up to {@value #ATTEMPTS} times in all.
   */
  <T> T inTransaction(Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        try {
          T result = work.run(c);
          c.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          rollbackQuietly(c, e);
          throw e;
        }
      } catch (SQLException e) {
        if (attempt >= ATTEMPTS || !RETRYABLE.contains(e.getSQLState())) {
          throw failure(e);
        }
      }
    }
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static StoreException failure(SQLException e) {
    return new StoreException("quarantine state database: " + e.getMessage(), e);
  }
}
