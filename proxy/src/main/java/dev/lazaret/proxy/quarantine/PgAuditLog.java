package dev.lazaret.proxy.quarantine;

import dev.lazaret.storage.AuditEntry;
import dev.lazaret.storage.AuditLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The audit log in PostgreSQL, shared by every node. Numbers come from the one row of
 * {@code audit_head}, taken in the appending transaction: appends are serialized by its row lock
 * (so entries become visible in number order), and a rolled-back append gives its number back,
 * which a sequence would not: the log stays gap-free.
 */
final class PgAuditLog implements AuditLog {

  private final PgTransactions db;

  PgAuditLog(PgTransactions db) {
    this.db = db;
  }

  @Override
  public AuditEntry append(Instant at, byte[] payload) {
    return db.inTransaction(c -> append(c, at, payload));
  }

  /** Appends within the caller's transaction, which commits (or rolls back) it with its work. */
  static AuditEntry append(Connection c, Instant at, byte[] payload) throws SQLException {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(payload, "payload");
    long seq;
    try (PreparedStatement next = c.prepareStatement(
        "UPDATE audit_head SET last_seq = last_seq + 1 RETURNING last_seq");
        ResultSet rs = next.executeQuery()) {
      rs.next();
      seq = rs.getLong(1);
    }
    try (PreparedStatement insert = c.prepareStatement(
        "INSERT INTO audit (seq, at_s, at_ns, payload) VALUES (?, ?, ?, ?)")) {
      insert.setLong(1, seq);
      insert.setLong(2, at.getEpochSecond());
      insert.setInt(3, at.getNano());
      insert.setBytes(4, payload);
      insert.executeUpdate();
    }
    return new AuditEntry(seq, at, payload);
  }

  @Override
  public List<AuditEntry> after(long sequence, int limit) {
    requireLimit(limit);
    return db.read(c -> {
      try (PreparedStatement q = c.prepareStatement("SELECT seq, at_s, at_ns, payload FROM audit"
          + " WHERE seq > ? ORDER BY seq LIMIT ?")) {
        q.setLong(1, sequence);
        q.setInt(2, limit);
        return entries(q);
      }
    });
  }

  @Override
  public List<AuditEntry> since(Instant from, int limit) {
    Objects.requireNonNull(from, "from");
    requireLimit(limit);
    return db.read(c -> {
      try (PreparedStatement q = c.prepareStatement("SELECT seq, at_s, at_ns, payload FROM audit"
          + " WHERE (at_s, at_ns) >= (?, ?) ORDER BY at_s, at_ns, seq LIMIT ?")) {
        q.setLong(1, from.getEpochSecond());
        q.setInt(2, from.getNano());
        q.setInt(3, limit);
        return entries(q);
      }
    });
  }

  @Override
  public long lastSequence() {
    return db.read(c -> {
      try (PreparedStatement q = c.prepareStatement("SELECT last_seq FROM audit_head");
          ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  private static List<AuditEntry> entries(PreparedStatement q) throws SQLException {
    List<AuditEntry> found = new ArrayList<>();
    try (ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        found.add(new AuditEntry(rs.getLong(1), Instant.ofEpochSecond(rs.getLong(2), rs.getInt(3)),
            rs.getBytes(4)));
      }
    }
    return found;
  }

  private static void requireLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
  }
}
