package dev.lazaret.proxy.quarantine;

import dev.lazaret.storage.RemovedVersion;
import dev.lazaret.storage.RemovedVersionLog;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The removed-version log in PostgreSQL, shared by every node. "The first record wins" is the
 * primary key with {@code ON CONFLICT DO NOTHING}: it holds across nodes, without a lock.
 */
final class PgRemovedVersionLog implements RemovedVersionLog {

  /** More removals than any one package plausibly has; bounds the read. */
  private static final int MAX_PER_PACKAGE = 100_000;

  private final PgTransactions db;

  PgRemovedVersionLog(PgTransactions db) {
    this.db = db;
  }

  @Override
  public void record(RemovedVersion removal) {
    Objects.requireNonNull(removal, "removal");
    requireNoNul(removal.name());
    requireNoNul(removal.version());
    db.read(c -> {
      try (PreparedStatement put = c.prepareStatement("INSERT INTO removed_versions"
          + " (package, version, removed_s, removed_ns, integrity) VALUES (?, ?, ?, ?, ?)"
          + " ON CONFLICT (package, version) DO NOTHING")) {
        put.setString(1, removal.name());
        put.setString(2, removal.version());
        put.setLong(3, removal.removedAt().getEpochSecond());
        put.setInt(4, removal.removedAt().getNano());
        put.setString(5, removal.integrity());
        return put.executeUpdate();
      }
    });
  }

  @Override
  public List<RemovedVersion> forPackage(String name) {
    requireNoNul(name);
    return db.read(c -> {
      try (PreparedStatement q = c.prepareStatement("SELECT version, removed_s, removed_ns,"
          + " integrity FROM removed_versions WHERE package = ?"
          + " ORDER BY removed_s, removed_ns, version LIMIT ?")) {
        q.setString(1, name);
        q.setInt(2, MAX_PER_PACKAGE);
        List<RemovedVersion> found = new ArrayList<>();
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            found.add(new RemovedVersion(name, rs.getString(1),
                Instant.ofEpochSecond(rs.getLong(2), rs.getInt(3)), rs.getString(4)));
          }
        }
        return found;
      }
    });
  }

  /** PostgreSQL's text cannot hold NUL; the embedded log refuses it too. */
  private static void requireNoNul(String s) {
    Objects.requireNonNull(s, "name");
    if (s.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("package name or version contains NUL: " + s);
    }
  }
}
