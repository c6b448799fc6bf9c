package dev.lazaret.proxy.quarantine;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lazaret.storage.RemovedVersionLog;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.flywaydb.core.api.FlywayException;

/**
 * The clustered mode's state, in PostgreSQL: a small connection pool with short bounds (a
 * database that is down makes a call fail within {@link #CONNECTION_TIMEOUT}, never hang), the
 * schema migrated at open, the quarantine state and removed-version log over that pool, and the
 * change feed on a connection of its own. Opened once per node; {@link #close()} releases it all.
 */
public final class PgState implements AutoCloseable {

  /** How long a call waits for a connection before the state counts as unavailable. */
  static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);
  /** How long one statement may wait for the server's answer before the connection is dropped. */
  static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(10);
  /** How long the check of a pooled connection, before it is handed out, may take. */
  private static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(1);
  /** Connections per node: the warm path makes no query, so a few serve writes and misses. */
  static final int POOL_SIZE = 8;
  private static final int MIN_IDLE = 2;

  private final PgStateUrl where;
  private final HikariDataSource pool;
  private final PgTransactions db;
  private final PgQuarantineState state;
  private final PgRemovedVersionLog removedVersions;
  private final PgChangeFeed changes;

  private PgState(PgStateUrl where, HikariDataSource pool, PgTransactions db,
      PgQuarantineState state, PgRemovedVersionLog removedVersions, PgChangeFeed changes) {
    this.where = where;
    this.pool = pool;
    this.db = db;
    this.state = state;
    this.removedVersions = removedVersions;
    this.changes = changes;
  }

  /**
   * Connects to the database at {@code url} and migrates its schema.
   *
   * @param url            {@code postgresql://USER:PASSWORD@HOST:PORT/DB} (or {@code postgres://},
   *                       or a {@code jdbc:postgresql://} URL as the driver takes it)
   * @param passwordOrNull the password when the URL has none ({@code LAZARET_STATE_PASSWORD})
   * @param nodeName       this node's name: in audit entries and the connections' application name
   * @throws IllegalArgumentException if {@code url} cannot be read (the message masks the password)
   * @throws IllegalStateException    if the database cannot be reached or migrated, or its schema
   *                                  is newer than this build understands (one-line message)
   */
  public static PgState open(String url, String passwordOrNull, String nodeName) {
    return open(url, passwordOrNull, nodeName, PgChangeFeed.RESYNC_EVERY);
  }

  /** {@link #open(String, String, String)}, with the change feed resyncing every {@code resync}. */
  static PgState open(String url, String passwordOrNull, String nodeName, Duration resync) {
    Objects.requireNonNull(nodeName, "nodeName");
    PgStateUrl where = PgStateUrl.parse(url, passwordOrNull);
    HikariDataSource pool = pool(where, nodeName);
    try {
      PgSchema.migrate(pool);
    } catch (PgSchema.SchemaTooNewException e) {
      pool.close();
      throw e;
    } catch (FlywayException | IllegalStateException e) {
      pool.close();
      throw new IllegalStateException("cannot migrate the quarantine state database at " + where
          + ": " + oneLine(e), e);
    }
    PgReachability reachability = new PgReachability();
    PgTransactions db = new PgTransactions(pool, reachability);
    PgChangeFeed changes = new PgChangeFeed(() -> listenerConnection(where, nodeName),
        reachability, resync);
    return new PgState(where, pool, db, new PgQuarantineState(db, nodeName),
        new PgRemovedVersionLog(db), changes);
  }

  private static HikariDataSource pool(PgStateUrl where, String nodeName) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("lazaret-state");
    config.setJdbcUrl(where.jdbcUrl());
    if (where.user() != null) {
      config.setUsername(where.user());
    }
    if (where.password() != null) {
      config.setPassword(where.password());
    }
    driverProperties(nodeName).forEach((k, v) -> config.addDataSourceProperty((String) k, v));
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(MIN_IDLE);
    config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    config.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
    // Try once at start, and fail: a node that cannot reach its state must not start serving.
    config.setInitializationFailTimeout(1);
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot reach the quarantine state database at " + where
          + ": " + oneLine(e), e);
    }
  }

  /**
   * What every connection tells the driver: its application name (so that an operator sees which
   * node a session belongs to) and its time bounds.
   */
  private static Properties driverProperties(String applicationName) {
    Properties p = new Properties();
    p.setProperty("ApplicationName", "lazaret-" + applicationName);
    p.setProperty("connectTimeout", Long.toString(CONNECTION_TIMEOUT.toSeconds()));
    p.setProperty("socketTimeout", Long.toString(SOCKET_TIMEOUT.toSeconds()));
    p.setProperty("tcpKeepAlive", "true");
    return p;
  }

  /** The change feed's own connection: unpooled, as it stays in LISTEN for as long as it lives. */
  private static Connection listenerConnection(PgStateUrl where, String nodeName)
      throws SQLException {
    Properties p = driverProperties(nodeName + "-changes");
    if (where.user() != null) {
      p.setProperty("user", where.user());
    }
    if (where.password() != null) {
      p.setProperty("password", where.password());
    }
    return DriverManager.getConnection(where.jdbcUrl(), p);
  }

  /** The first line of {@code e}'s message, and of its root cause's if different. */
  private static String oneLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = firstLine(e.getMessage());
    String cause = firstLine(root.getMessage());
    return root == e || message.contains(cause) ? message : message + " (" + cause + ")";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int newline = s.indexOf('\n');
    return (newline < 0 ? s : s.substring(0, newline)).strip();
  }

  /** The quarantine state: holds, decisions, rules, audit, publisher evidence. */
  public QuarantineState state() {
    return state;
  }

  /** Other nodes' decisions and rule changes; {@link StateChanges#start} it to receive them. */
  public StateChanges changes() {
    return changes;
  }

  /** The removed-version log, shared by every node. */
  public RemovedVersionLog removedVersions() {
    return removedVersions;
  }

  /** How many connections the state's reads and transactions have taken (for tests). */
  public long transactions() {
    return db.checkouts();
  }

  /** Where the database is, for logs: {@code PostgreSQL at URL}, its password masked. */
  @Override
  public String toString() {
    return "PostgreSQL at " + where.masked();
  }

  /** Stops the change feed, then closes the pool (waiting briefly for calls in flight). */
  @Override
  public void close() {
    changes.close();
    pool.close();
  }
}
