package dev.lazaret.proxy.quarantine;

import dev.lazaret.policy.AnalystDecision;
import dev.lazaret.storage.AuditLog;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The quarantine state of the clustered mode, in PostgreSQL, shared by every node. Records are
 * stored as the same JSON as in the embedded mode (jsonb), beside the columns queries use.
 * Atomicity comes from transactions, and the check-then-write of decisions and hold writes from
 * row locks ({@code SELECT ... FOR UPDATE}) rather than a process lock: it holds across nodes.
 */
public final class PgQuarantineState implements QuarantineState {

  /** More records than any one package plausibly has; bounds the per-judgement read. */
  private static final int MAX_PER_PACKAGE = 100_000;
  /** More stored rules than any installation plausibly has; bounds the load at start. */
  private static final int MAX_RULES = 100_000;
  private static final String HOLD_COLUMNS = "record";
  /** The order rows are locked in, by every writer: the tables' own (C collation) key order. */
  private static final Comparator<HoldRecord> BY_KEY =
      Comparator.comparing(HoldRecord::packageName).thenComparing(HoldRecord::version);

  /** The audit detail naming the node that wrote an entry. */
  static final String NODE_DETAIL = "node";

  private final PgTransactions db;
  private final PgAuditLog audit;
  private final String nodeName;

  /** The state behind {@code db}, whose schema is already migrated, written as {@code nodeName}. */
  PgQuarantineState(PgTransactions db, String nodeName) {
    this.db = db;
    this.audit = new PgAuditLog(db);
    this.nodeName = Objects.requireNonNull(nodeName, "nodeName");
  }

  /**
   * The state in the database behind {@code dataSource}, its schema created or migrated first;
   * the audit entries it writes name {@code nodeName}. (Lazaret itself opens it through
   * {@link PgState}, with a pool.)
   *
   * @throws IllegalStateException if the database's schema is newer than this build understands
   */
  public static PgQuarantineState open(DataSource dataSource, String nodeName) {
    PgSchema.migrate(dataSource);
    return new PgQuarantineState(new PgTransactions(dataSource, new PgReachability()), nodeName);
  }

  /** False after the database could not be reached, until a call or the change feed reaches it. */
  @Override
  public boolean reachable() {
    return db.reachable();
  }

  /** {@code event} as this node appends it: naming the node. */
  private byte[] audited(AuditEvent event) {
    return event.withDetail(NODE_DETAIL, nodeName).encode();
  }

  @Override
  public Optional<HoldRecord> hold(String packageName, String version) {
    return db.read(c -> selectHold(c, packageName, version, false));
  }

  @Override
  public List<HoldRecord> holdsOf(String packageName) {
    return db.read(c -> {
      try (PreparedStatement q = c.prepareStatement("SELECT " + HOLD_COLUMNS
          + " FROM holds WHERE package = ? ORDER BY version LIMIT ?")) {
        q.setString(1, packageName);
        q.setInt(2, MAX_PER_PACKAGE);
        return holds(q);
      }
    });
  }

  @Override
  public List<HoldRecord> saveHolds(List<HoldRecord> records) {
    if (records.isEmpty()) {
      return List.of();
    }
    return db.inTransaction(c -> {
      Map<String, HoldRecord> stored = lockHolds(c, records);
      List<HoldRecord> written = new ArrayList<>();
      for (HoldRecord r : records) {
        if (!r.undoesDecisionOf(stored.get(HoldRecord.key(r.packageName(), r.version())))) {
          written.add(r);
        }
      }
      if (!written.isEmpty()) {
        // In key order, as the rows were locked: rows new to the table are locked as they are
        // inserted, and two writers inserting the same new versions must take them in one order.
        upsertHolds(c, written.stream().sorted(BY_KEY).toList());
      }
      return List.copyOf(written);
    });
  }

  /**
   * Locks the stored rows of {@code records}' versions until the transaction ends, in key order
   * (so two writers of overlapping batches cannot deadlock), and returns them by key.
   */
  private static Map<String, HoldRecord> lockHolds(Connection c, List<HoldRecord> records)
      throws SQLException {
    List<HoldRecord> ordered = records.stream().sorted(BY_KEY).toList();
    try (PreparedStatement q = c.prepareStatement("SELECT h.record FROM holds h"
        + " JOIN unnest(?::text[], ?::text[]) AS k(package, version)"
        + " ON h.package = k.package AND h.version = k.version"
        + " ORDER BY h.package, h.version FOR UPDATE OF h")) {
      q.setArray(1, c.createArrayOf("text",
          ordered.stream().map(HoldRecord::packageName).toArray()));
      q.setArray(2, c.createArrayOf("text", ordered.stream().map(HoldRecord::version).toArray()));
      Map<String, HoldRecord> found = new HashMap<>();
      for (HoldRecord h : holds(q)) {
        found.put(HoldRecord.key(h.packageName(), h.version()), h);
      }
      return found;
    }
  }

  private static void upsertHolds(Connection c, List<HoldRecord> records) throws SQLException {
    try (PreparedStatement put = c.prepareStatement("INSERT INTO holds"
        + " (package, version, state, first_held_s, first_held_ns, record)"
        + " VALUES (?, ?, ?, ?, ?, ?::jsonb)"
        + " ON CONFLICT (package, version) DO UPDATE SET state = EXCLUDED.state,"
        + " first_held_s = EXCLUDED.first_held_s, first_held_ns = EXCLUDED.first_held_ns,"
        + " record = EXCLUDED.record")) {
      for (HoldRecord r : records) {
        put.setString(1, r.packageName());
        put.setString(2, r.version());
        put.setString(3, r.state().name());
        put.setLong(4, r.firstHeldAt().getEpochSecond());
        put.setInt(5, r.firstHeldAt().getNano());
        put.setString(6, json(r));
        put.addBatch();
      }
      put.executeBatch();
    }
  }

  @Override
  public List<HoldRecord> holdsIn(Set<HoldState> states, HoldPosition after, int limit) {
    if (states.isEmpty() || limit <= 0) {
      return List.of();
    }
    String sql = holdsInQuery(states.size(), after != null);
    return db.read(c -> {
      try (PreparedStatement q = c.prepareStatement(sql)) {
        int i = 1;
        for (HoldState s : states) {
          q.setString(i++, s.name());
          if (after != null) {
            q.setLong(i++, -after.firstHeldAt().getEpochSecond());
            q.setInt(i++, -after.firstHeldAt().getNano());
            q.setString(i++, after.packageName());
            q.setString(i++, after.version());
          }
          q.setInt(i++, limit);
        }
        q.setInt(i, limit);
        return holds(q);
      }
    });
  }

  /**
   * The query of {@link #holdsIn}: one index range per state, each already in the wanted order
   * and cut at the limit, merged, so that the cost follows the page, as in the embedded mode's
   * index. Its expressions are those of the index {@code holds_by_state_time}, so that both a
   * page's start and its order are read from the index. Parameters: per state, the state, the
   * start if any (negated seconds, negated nanoseconds, package, version) and the limit; then
   * the limit.
   */
  static String holdsInQuery(int states, boolean hasStart) {
    String page = "(SELECT -first_held_s AS s, -first_held_ns AS ns, package, version, record"
        + " FROM holds WHERE state = ?"
        + (hasStart ? " AND (-first_held_s, -first_held_ns, package, version) > (?, ?, ?, ?)"
            : "")
        + " ORDER BY -first_held_s, -first_held_ns, package, version LIMIT ?)";
    return "SELECT record FROM (" + String.join(" UNION ALL ", Collections.nCopies(states, page)) + ") AS p ORDER BY s, ns, package, version LIMIT ?";
  }

  @Override
  public Map<HoldState, Long> holdCounts() {
    return db.read(c -> {
      Map<HoldState, Long> counts = new EnumMap<>(HoldState.class);
      for (HoldState s : HoldState.values()) {
        counts.put(s, 0L);
      }
      try (PreparedStatement q = c.prepareStatement(
          "SELECT state, n FROM hold_counts");
          ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          counts.put(HoldState.valueOf(rs.getString(1)), rs.getLong(2));
        }
      }
      return Map.copyOf(counts);
    });
  }

  @Override
  public List<AnalystDecision> decisions() {
    return db.read(c -> {
      List<AnalystDecision> all = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement(
          "SELECT record FROM decisions ORDER BY package, version");
          ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          all.add(read(rs.getString(1), AnalystDecision.class, "decision"));
        }
      }
      return all;
    });
  }

  @Override
  public DecisionOutcome decide(AnalystDecision decision, boolean replace) {
    return db.inTransaction(c -> {
      // The row lock makes a concurrent decider, on any node, wait here and then read the
      // decision this one stored: of two, exactly one finds the hold undecided.
      Optional<HoldRecord> before = selectHold(c, decision.packageName(), decision.version(),
          true);
      Optional<HoldRecord.Decision> standing = DecisionOutcome.standing(before, replace);
      if (standing.isPresent()) {
        AuditEvent refused = AuditEvent.refused(decision, standing.get());
        PgAuditLog.append(c, decision.decidedAt(), audited(refused));
        return new DecisionOutcome.Refused(before.get());
      }
      try (PreparedStatement put = c.prepareStatement("INSERT INTO decisions"
          + " (package, version, record) VALUES (?, ?, ?::jsonb)"
          + " ON CONFLICT (package, version) DO UPDATE SET record = EXCLUDED.record")) {
        put.setString(1, decision.packageName());
        put.setString(2, decision.version());
        put.setString(3, json(decision));
        put.executeUpdate();
      }
      Optional<HoldRecord> after = before.map(h -> h.decidedBy(decision));
      if (after.isPresent()) {
        upsertHolds(c, List.of(after.get()));
      }
      AuditEvent event = AuditEvent.decided(decision);
      PgAuditLog.append(c, decision.decidedAt(), audited(event));
      return new DecisionOutcome.Decided(after);
    });
  }

  @Override
  public List<StoredRule> rules() {
    return db.read(c -> {
      List<StoredRule> all = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement(
          "SELECT record FROM rules ORDER BY id LIMIT ?")) {
        q.setInt(1, MAX_RULES);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            all.add(read(rs.getString(1), StoredRule.class, "rule"));
          }
        }
      }
      return all;
    });
  }

  @Override
  public void addRule(StoredRule rule, AuditEvent audit) {
    db.inTransaction(c -> {
      try (PreparedStatement put = c.prepareStatement("INSERT INTO rules (id, record)"
          + " VALUES (?, ?::jsonb) ON CONFLICT (id) DO UPDATE SET record = EXCLUDED.record")) {
        put.setString(1, rule.id());
        put.setString(2, json(rule));
        put.executeUpdate();
      }
      return PgAuditLog.append(c, audit.at(), audited(audit));
    });
  }

  @Override
  public void removeRule(String id, AuditEvent audit) {
    db.inTransaction(c -> {
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM rules WHERE id = ?")) {
        delete.setString(1, id);
        delete.executeUpdate();
      }
      return PgAuditLog.append(c, audit.at(), audited(audit));
    });
  }

  /** One transaction: the delete's row count decides whether the removal is audited. */
  @Override
  public boolean removeRuleIfPresent(String id, AuditEvent audit) {
    return db.inTransaction(c -> {
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM rules WHERE id = ?")) {
        delete.setString(1, id);
        if (delete.executeUpdate() == 0) {
          return false;
        }
      }
      PgAuditLog.append(c, audit.at(), audited(audit));
      return true;
    });
  }

  @Override
  public AuditLog audit() {
    return audit;
  }

  @Override
  public Optional<PublisherRecord> publisher(String name) {
    return db.read(c -> {
      try (PreparedStatement q = c.prepareStatement(
          "SELECT record FROM publishers WHERE name = ?")) {
        q.setString(1, name);
        try (ResultSet rs = q.executeQuery()) {
          return rs.next()
              ? Optional.of(read(rs.getString(1), PublisherRecord.class, "publisher " + name))
              : Optional.empty();
        }
      }
    });
  }

  /**
   * Merges {@code record} into what is stored (earliest first-seen times, newest search): nodes
   * write observations in the background, and a later write must not make an account look
   * younger than another node found it.
   */
  @Override
  public void savePublisher(PublisherRecord record) {
    db.inTransaction(c -> {
      PublisherRecord stored = null;
      try (PreparedStatement q = c.prepareStatement(
          "SELECT record FROM publishers WHERE name = ? FOR UPDATE")) {
        q.setString(1, record.name());
        try (ResultSet rs = q.executeQuery()) {
          if (rs.next()) {
            stored = read(rs.getString(1), PublisherRecord.class, "publisher " + record.name());
          }
        }
      }
      PublisherRecord merged = record.mergedWith(stored);
      try (PreparedStatement put = c.prepareStatement("INSERT INTO publishers (name, record)"
          + " VALUES (?, ?::jsonb) ON CONFLICT (name) DO UPDATE SET record = EXCLUDED.record")) {
        put.setString(1, record.name());
        put.setString(2, json(merged));
        return put.executeUpdate();
      }
    });
  }

  private static Optional<HoldRecord> selectHold(Connection c, String packageName,
      String version, boolean forUpdate) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("SELECT " + HOLD_COLUMNS
        + " FROM holds WHERE package = ? AND version = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
      q.setString(1, packageName);
      q.setString(2, version);
      List<HoldRecord> found = holds(q);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }
  }

  private static List<HoldRecord> holds(PreparedStatement q) throws SQLException {
    List<HoldRecord> found = new ArrayList<>();
    try (ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        found.add(read(rs.getString("record"), HoldRecord.class, "hold record"));
      }
    }
    return found;
  }

  private static String json(Object value) {
    return new String(StoredJson.write(value), StandardCharsets.UTF_8);
  }

  private static <T> T read(String json, Class<T> type, String what) {
    return StoredJson.read(json.getBytes(StandardCharsets.UTF_8), type, what);
  }
}
