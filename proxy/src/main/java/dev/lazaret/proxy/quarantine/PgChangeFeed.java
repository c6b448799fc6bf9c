package dev.lazaret.proxy.quarantine;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Other nodes' changes, as PostgreSQL announces them: the triggers of migration V2 notify channel
 * {@value #CHANNEL} when a decision or rule is written, and this feed listens on a connection of
 * its own (a pooled one would be handed to other work), on a daemon thread. After every
 * (re)connection, and every {@code resyncEvery} as a safety net, it asks the listener to resync:
 * announcements made while it was not listening are lost. A lost connection is retried with a
 * backoff of at most {@link #MAX_BACKOFF}, so that a database that comes back is heard again
 * within seconds, and reported to the {@link PgReachability}, as is every (re)connection and
 * every answered ping (every 5 s without announcements): the state shows reachable again
 * without traffic.
 */
final class PgChangeFeed implements StateChanges {

  /** Opens the feed's own, unpooled connection. */
  @FunctionalInterface
  interface Connector {
    Connection connect() throws SQLException;
  }

  /** The channel the triggers announce on. */
  static final String CHANNEL = "lazaret_state";
  /** The default interval of the safety-net resync. */
  static final Duration RESYNC_EVERY = Duration.ofSeconds(30);
  private static final long FIRST_BACKOFF_MILLIS = 250;
  private static final long MAX_BACKOFF_MILLIS = 2_000;
  static final Duration MAX_BACKOFF = Duration.ofMillis(MAX_BACKOFF_MILLIS);
  /** How long one wait for announcements lasts: bounds how long close() waits for the thread. */
  private static final int POLL_MILLIS = 250;
  /**
   * A connection whose server vanished without closing it (a cut network) would wait forever
   * for announcements: one empty query every so often finds out.
   */
  private static final long PING_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);
  private static final int PING_TIMEOUT_SECONDS = 2;
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(PgChangeFeed.class);

  private final Connector connector;
  private final PgReachability reachability;
  private final long resyncEveryNanos;
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile boolean connected;
  private Thread thread;

  PgChangeFeed(Connector connector, PgReachability reachability, Duration resyncEvery) {
    if (resyncEvery.isNegative() || resyncEvery.isZero()) {
      throw new IllegalArgumentException("resyncEvery must be positive, got " + resyncEvery);
    }
    this.connector = connector;
    this.reachability = reachability;
    this.resyncEveryNanos = resyncEvery.toNanos();
  }

  @Override
  public synchronized void start(Listener listener) {
    if (thread != null) {
      throw new IllegalStateException("the state change feed is already started");
    }
    if (closed.getCount() == 0) {
      throw new IllegalStateException("the state change feed is closed");
    }
    thread = Thread.ofPlatform().daemon().name("lazaret-state-changes")
        .start(() -> run(listener));
  }

  @Override
  public boolean connected() {
    return connected;
  }

  @Override
  public void close() {
    closed.countDown();
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t == null || t == Thread.currentThread()) {
      return;
    }
    try {
      // The thread sees the close within one poll, or once a connection attempt ends.
      if (!t.join(CLOSE_WAIT)) {
        log.warn("the state change feed did not stop within {}", CLOSE_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean isClosed() {
    return closed.getCount() == 0;
  }

  private void run(Listener listener) {
    long backoff = FIRST_BACKOFF_MILLIS;
    boolean failing = false;
    while (!isClosed()) {
      try (Connection c = connector.connect()) {
        listen(c);
        connected = true;
        reachability.succeeded();
        backoff = FIRST_BACKOFF_MILLIS;
        if (failing) {
          log.info("the state change feed is connected again; resyncing");
          failing = false;
        }
        deliver(Listener::resync, listener, "resync");
        receive(c, listener);
      } catch (SQLException | RuntimeException e) {
        connected = false;
        if (isClosed()) {
          break;
        }
        if (PgTransactions.connectionFailure(e)) {
          reachability.failed();
        }
        if (!failing) {
          log.warn("the state change feed lost its database connection ({}); reconnecting",
              e.getMessage());
          failing = true;
        } else {
          log.debug("the state change feed cannot reconnect yet: {}", e.getMessage());
        }
        await(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
      }
    }
    connected = false;
  }

  private static void listen(Connection c) throws SQLException {
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.execute("LISTEN " + CHANNEL);
    }
  }

  /** Delivers announcements until the feed is closed or the connection fails. */
  private void receive(Connection c, Listener listener) throws SQLException {
    PGConnection pg = c.unwrap(PGConnection.class);
    long nextResync = System.nanoTime() + resyncEveryNanos;
    long nextPing = System.nanoTime() + PING_EVERY_NANOS;
    while (!isClosed()) {
      PGNotification[] announced = pg.getNotifications(POLL_MILLIS);
      long now = System.nanoTime();
      if (announced != null && announced.length > 0) {
        for (PGNotification n : announced) {
          dispatch(n.getParameter(), listener);
        }
        nextPing = now + PING_EVERY_NANOS;
      } else if (now - nextPing >= 0) {
        if (!c.isValid(PING_TIMEOUT_SECONDS)) {
          throw new SQLException("the state database stopped answering", "08006");
        }
        // It answers: a pool call that failed meanwhile (the pool retries connecting with a
        // backoff of its own) must not leave the state shown unreachable until the next call.
        reachability.succeeded();
        nextPing = now + PING_EVERY_NANOS;
      }
      if (now - nextResync >= 0) {
        deliver(Listener::resync, listener, "resync");
        nextResync = now + resyncEveryNanos;
      }
    }
  }

  /** Hands one announcement to the listener; one it cannot read asks for a resync instead. */
  private static void dispatch(String payload, Listener listener) {
    JsonNode message;
    try {
      message = StoredJson.MAPPER.readTree(payload);
    } catch (Exception e) {
      log.warn("unreadable state announcement ({}); resyncing", e.getMessage());
      deliver(Listener::resync, listener, "resync");
      return;
    }
    String kind = message.path("kind").asText("");
    String packageName = message.path("package").asText(null);
    switch (kind) {
      case "decision" -> {
        if (packageName == null) {
          deliver(Listener::resync, listener, "resync");
        } else {
          deliver(l -> l.decisionChanged(packageName), listener, "decision about " + packageName);
        }
      }
      case "rules" -> deliver(Listener::rulesChanged, listener, "rule change");
      default -> deliver(Listener::resync, listener, "resync");
    }
  }

  /** Runs one listener call; its failure is logged and must not stop the feed. */
  private static void deliver(Consumer<Listener> call, Listener listener, String what) {
    try {
      call.accept(listener);
    } catch (RuntimeException e) {
      log.warn("the state change listener failed on a {}", what, e);
    }
  }

  private void await(long millis) {
    try {
      closed.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed.countDown();
    }
  }
}
