package dev.lazaret.proxy.quarantine;

import dev.lazaret.storage.StoreException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Runs work against the state database: each call on its own connection, either one read or one
 * transaction that commits as a whole or rolls back. SQL failures become {@link StoreException}s,
 * as the embedded store's do; a database that cannot be reached or stopped answering becomes a
 * {@link StateUnavailableException}, so that callers fail closed, and is noted in the
 * {@link PgReachability} (as is every success).
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
  /**
   * The server is going away: terminated by an administrator (57P01), crashing (57P02), or not
   * accepting connections yet (57P03, starting or shutting down). With class 08 (connection
   * exception) these are the failures of reaching the database, not of the statement.
   */
  private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

  private final DataSource dataSource;
  private final PgReachability reachability;
  private final AtomicLong checkouts = new AtomicLong();

  PgTransactions(DataSource dataSource, PgReachability reachability) {
    this.dataSource = dataSource;
    this.reachability = reachability;
  }

  /** Whether the last call (or the change feed's connection) reached the database. */
  boolean reachable() {
    return reachability.reachable();
  }

  /** How many connections reads and transactions have taken so far (each attempt counts). */
  long checkouts() {
    return checkouts.get();
  }

  /** Runs {@code work} with autocommit: for reads and single statements. */
  <T> T read(Work<T> work) {
    try (Connection c = connection()) {
      T result = work.run(c);
      reachability.succeeded();
      return result;
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
      try (Connection c = connection()) {
        c.setAutoCommit(false);
        try {
          T result = work.run(c);
          c.commit();
          reachability.succeeded();
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

  private Connection connection() throws SQLException {
    checkouts.incrementAndGet();
    return dataSource.getConnection();
  }

  private StoreException failure(SQLException e) {
    if (connectionFailure(e)) {
      reachability.failed();
      return new StateUnavailableException("the database cannot be reached: " + e.getMessage(),
          e);
    }
    return new StoreException("quarantine state database: " + e.getMessage(), e);
  }

  /**
   * Whether {@code e} says the database could not be reached or stopped answering, rather than
   * that it refused a statement: connection exceptions (SQLState class 08), the server going away,
   * the pool finding no connection in time, a refused connection or a read timing out.
   */
  static boolean connectionFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof ConnectException
          || t instanceof SocketTimeoutException) {
        return true;
      }
      if (t instanceof SQLException sql && connectionState(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static boolean connectionState(String sqlState) {
    return sqlState != null
        && (sqlState.startsWith("08") || SERVER_GOING_AWAY.contains(sqlState));
  }
}
