package dev.lazaret.proxy.quarantine;

import dev.lazaret.policy.AnalystDecision;
import dev.lazaret.storage.AuditLog;
import dev.lazaret.storage.Record;
import dev.lazaret.storage.RecordBatch;
import dev.lazaret.storage.RecordSpace;
import dev.lazaret.storage.Storage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The quarantine state of the embedded mode, in the store's record spaces and audit log. Hold
 * writes, decisions and rule removals are serialized by one lock, which makes each
 * check-then-write atomic within this process (the store is never shared by two processes).
 * Every audit entry it appends names the node ({@code details.node}), when it has a name.
 */
public final class RocksQuarantineState implements QuarantineState {

  /** The record space holds are kept in. */
  public static final String HOLDS = "holds";
  /** The index of holds by (state, newest first): keys only, values empty. */
  public static final String HOLD_INDEX = "hold-index";
  /** The record space decisions are kept in, by hold key. */
  public static final String DECISIONS = "decisions";
  /** The record space stored rules are kept in, by id. */
  public static final String RULES = "rules";
  /** The record space publishers are kept in, by account name. */
  public static final String PUBLISHERS = "publishers";
  /** Facts about the state's own layout, such as which index version has been built. */
  static final String META = "quarantine-meta";
  /** The {@link #META} key saying the hold index is complete; absent in older stores. */
  static final String INDEX_BUILT = "hold-index-v1";

  private static final byte[] EMPTY = new byte[0];
  private static final int PAGE = 1_000;
  /** More records than any one package plausibly has; bounds the per-judgement scan. */
  private static final int MAX_PER_PACKAGE = 100_000;
  /** More stored rules than any installation plausibly has; bounds the load at start. */
  private static final int MAX_RULES = 100_000;

  private final Storage storage;
  /** The node name every audit entry carries, or null for none. */
  private final String nodeName;
  private final RecordSpace holds;
  private final RecordSpace index;
  private final ReentrantLock writes = new ReentrantLock();
  private final Map<HoldState, Long> counts = new EnumMap<>(HoldState.class);

  private RocksQuarantineState(Storage storage, String nodeName) {
    this.storage = storage;
    this.nodeName = nodeName;
    this.holds = storage.records(HOLDS);
    this.index = storage.records(HOLD_INDEX);
  }

  /**
   * The state in {@code storage}. A store written before the hold index existed is indexed
   * now, once; the count of holds by state is read from the index.
   */
  public static RocksQuarantineState open(Storage storage) {
    return open(storage, null);
  }

  /**
   * The state in {@code storage}, as {@link #open(Storage)}, naming {@code nodeName} (if not
   * null) in the {@code node} detail of every audit entry it appends.
   */
  public static RocksQuarantineState open(Storage storage, String nodeName) {
    RocksQuarantineState state = new RocksQuarantineState(storage, nodeName);
    if (storage.records(META).get(INDEX_BUILT).isEmpty()) {
      state.rebuildIndex();
    }
    for (HoldState s : HoldState.values()) {
      state.counts.put(s, state.index.count(prefix(s)));
    }
    return state;
  }

  /** Drops whatever index there is and indexes every hold, then marks the index complete. */
  private void rebuildIndex() {
    List<Record> stale;
    while (!(stale = index.scan("", null, PAGE)).isEmpty()) {
      List<Record> doomed = stale;
      storage.writeAtomically(b -> doomed.forEach(r -> b.delete(HOLD_INDEX, r.key())));
    }
    String after = null;
    List<Record> page;
    do {
      page = holds.scan("", after, PAGE);
      List<Record> current = page;
      storage.writeAtomically(b -> current.forEach(
          r -> b.put(HOLD_INDEX, indexKey(decode(r.value())), EMPTY)));
      after = page.isEmpty() ? null : page.getLast().key();
    } while (page.size() == PAGE);
    storage.records(META).put(INDEX_BUILT, "1".getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Optional<HoldRecord> hold(String packageName, String version) {
    return holds.get(HoldRecord.key(packageName, version)).map(RocksQuarantineState::decode);
  }

  @Override
  public List<HoldRecord> holdsOf(String packageName) {
    return holds.scan(HoldRecord.prefix(packageName), null, MAX_PER_PACKAGE).stream()
        .map(r -> decode(r.value())).toList();
  }

  @Override
  public List<HoldRecord> saveHolds(List<HoldRecord> records) {
    if (records.isEmpty()) {
      return List.of();
    }
    writes.lock();
    try {
      List<HoldRecord> befores = new ArrayList<>();
      List<HoldRecord> written = new ArrayList<>();
      for (HoldRecord r : records) {
        HoldRecord before = hold(r.packageName(), r.version()).orElse(null);
        if (!r.undoesDecisionOf(before)) {
          befores.add(before);
          written.add(r);
        }
      }
      if (written.isEmpty()) {
        return List.of();
      }
      storage.writeAtomically(b -> {
        for (int i = 0; i < written.size(); i++) {
          putHold(b, befores.get(i), written.get(i));
        }
      });
      for (int i = 0; i < written.size(); i++) {
        count(befores.get(i), written.get(i));
      }
      return List.copyOf(written);
    } finally {
      writes.unlock();
    }
  }

  @Override
  public List<HoldRecord> holdsIn(Set<HoldState> states, HoldPosition after, int limit) {
    // Each state's index is in the wanted order; the first `limit` of every one suffice.
    List<String> keys = new ArrayList<>();
    for (HoldState s : states) {
      String start = after == null ? null : prefix(s) + after.sortKey();
      index.scan(prefix(s), start, limit).forEach(r -> keys.add(r.key()));
    }
    keys.sort(Comparator.comparing(k -> k.substring(k.indexOf(' ') + 1)));
    List<HoldRecord> found = new ArrayList<>();
    for (String k : keys.subList(0, Math.min(limit, keys.size()))) {
      String[] parts = k.split(" ", 4);
      hold(parts[2], parts[3]).ifPresent(found::add);
    }
    return found;
  }

  @Override
  public Map<HoldState, Long> holdCounts() {
    writes.lock();
    try {
      return Map.copyOf(counts);
    } finally {
      writes.unlock();
    }
  }

  @Override
  public List<AnalystDecision> decisions() {
    List<AnalystDecision> all = new ArrayList<>();
    String after = null;
    List<Record> page;
    do {
      page = storage.records(DECISIONS).scan("", after, PAGE);
      page.forEach(r -> all.add(StoredJson.read(r.value(), AnalystDecision.class, "decision")));
      after = page.isEmpty() ? null : page.getLast().key();
    } while (page.size() == PAGE);
    return all;
  }

  @Override
  public DecisionOutcome decide(AnalystDecision decision, boolean replace) {
    writes.lock();
    try {
      Optional<HoldRecord> before = hold(decision.packageName(), decision.version());
      Optional<HoldRecord.Decision> standing = DecisionOutcome.standing(before, replace);
      if (standing.isPresent()) {
        AuditEvent refused = stamped(AuditEvent.refused(decision, standing.get()));
        storage.writeAtomically(b -> b.appendAudit(decision.decidedAt(), refused.encode()));
        return new DecisionOutcome.Refused(before.get());
      }
      Optional<HoldRecord> after = before.map(h -> h.decidedBy(decision));
      AuditEvent event = stamped(AuditEvent.decided(decision));
      storage.writeAtomically(b -> {
        b.put(DECISIONS, HoldRecord.key(decision.packageName(), decision.version()),
            StoredJson.write(decision));
        after.ifPresent(h -> putHold(b, before.get(), h));
        b.appendAudit(decision.decidedAt(), event.encode());
      });
      after.ifPresent(h -> count(before.get(), h));
      return new DecisionOutcome.Decided(after);
    } finally {
      writes.unlock();
    }
  }

  @Override
  public List<StoredRule> rules() {
    return storage.records(RULES).scan("", null, MAX_RULES).stream()
        .map(r -> StoredRule.read(r.value())).toList();
  }

  @Override
  public void addRule(StoredRule rule, AuditEvent audit) {
    AuditEvent entry = stamped(audit);
    storage.writeAtomically(b -> b.put(RULES, rule.id(), StoredJson.write(rule))
        .appendAudit(entry.at(), entry.encode()));
  }

  @Override
  public void removeRule(String id, AuditEvent audit) {
    AuditEvent entry = stamped(audit);
    writes.lock();
    try {
      storage.writeAtomically(b -> b.delete(RULES, id).appendAudit(entry.at(), entry.encode()));
    } finally {
      writes.unlock();
    }
  }

  @Override
  public boolean removeRuleIfPresent(String id, AuditEvent audit) {
    writes.lock();
    try {
      if (storage.records(RULES).get(id).isEmpty()) {
        return false;
      }
      removeRule(id, audit);
      return true;
    } finally {
      writes.unlock();
    }
  }

  @Override
  public AuditLog audit() {
    return storage.auditLog();
  }

  @Override
  public Optional<PublisherRecord> publisher(String name) {
    return storage.records(PUBLISHERS).get(name)
        .map(bytes -> StoredJson.read(bytes, PublisherRecord.class, "publisher " + name));
  }

  @Override
  public void savePublisher(PublisherRecord record) {
    storage.records(PUBLISHERS).put(record.name(), StoredJson.write(record));
  }

  /** {@code event} with this node's name, if it has one. */
  private AuditEvent stamped(AuditEvent event) {
    return nodeName == null ? event : event.withDetail("node", nodeName);
  }

  /** Adds to {@code batch} the record {@code after} and moves its index entry. */
  private static void putHold(RecordBatch batch, HoldRecord before, HoldRecord after) {
    if (before != null && !indexKey(before).equals(indexKey(after))) {
      batch.delete(HOLD_INDEX, indexKey(before));
    }
    batch.put(HOLDS, HoldRecord.key(after.packageName(), after.version()),
        StoredJson.write(after));
    batch.put(HOLD_INDEX, indexKey(after), EMPTY);
  }

  /** Moves one record from its old state's count to its new one's (caller holds the lock). */
  private void count(HoldRecord before, HoldRecord after) {
    if (before != null) {
      counts.merge(before.state(), -1L, Long::sum);
    }
    counts.merge(after.state(), 1L, Long::sum);
  }

  private static String indexKey(HoldRecord r) {
    return prefix(r.state()) + HoldPosition.of(r).sortKey();
  }

  private static String prefix(HoldState state) {
    return state.name().toLowerCase(Locale.ROOT) + " ";
  }

  private static HoldRecord decode(byte[] value) {
    return StoredJson.read(value, HoldRecord.class, "hold record");
  }
}
