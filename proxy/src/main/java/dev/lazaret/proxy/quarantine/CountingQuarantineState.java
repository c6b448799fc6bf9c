package dev.lazaret.proxy.quarantine;

import dev.lazaret.policy.AnalystDecision;
import dev.lazaret.storage.AuditEntry;
import dev.lazaret.storage.AuditLog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the calls that reach the quarantine state, for {@code lazaret_state_queries_total}: in
 * the clustered mode each is a database round trip (a read or a transaction), so the count is
 * what proves that warm requests make none.
 */
public final class CountingQuarantineState implements QuarantineState {

  private final QuarantineState state;
  private final LongAdder queries = new LongAdder();
  private final AuditLog audit;

  /** Counts the calls to {@code state}. */
  public CountingQuarantineState(QuarantineState state) {
    this.state = state;
    this.audit = new CountingAuditLog(state.audit());
  }

  /** Calls that reached the state so far. */
  public long queries() {
    return queries.sum();
  }

  private void count() {
    queries.increment();
  }

  @Override
  public Optional<HoldRecord> hold(String packageName, String version) {
    count();
    return state.hold(packageName, version);
  }

  @Override
  public List<HoldRecord> holdsOf(String packageName) {
    count();
    return state.holdsOf(packageName);
  }

  @Override
  public List<HoldRecord> saveHolds(List<HoldRecord> records) {
    count();
    return state.saveHolds(records);
  }

  @Override
  public List<HoldRecord> holdsIn(Set<HoldState> states, HoldPosition after, int limit) {
    count();
    return state.holdsIn(states, after, limit);
  }

  @Override
  public Map<HoldState, Long> holdCounts() {
    count();
    return state.holdCounts();
  }

  @Override
  public List<AnalystDecision> decisions() {
    count();
    return state.decisions();
  }

  @Override
  public List<AnalystDecision> decisionsOf(String packageName) {
    count();
    return state.decisionsOf(packageName);
  }

  @Override
  public DecisionOutcome decide(AnalystDecision decision, boolean replace) {
    count();
    return state.decide(decision, replace);
  }

  @Override
  public List<StoredRule> rules() {
    count();
    return state.rules();
  }

  @Override
  public void addRule(StoredRule rule, AuditEvent audit) {
    count();
    state.addRule(rule, audit);
  }

  @Override
  public void removeRule(String id, AuditEvent audit) {
    count();
    state.removeRule(id, audit);
  }

  @Override
  public boolean removeRuleIfPresent(String id, AuditEvent audit) {
    count();
    return state.removeRuleIfPresent(id, audit);
  }

  @Override
  public AuditLog audit() {
    return audit;
  }

  @Override
  public Optional<PublisherRecord> publisher(String name) {
    count();
    return state.publisher(name);
  }

  @Override
  public void savePublisher(PublisherRecord record) {
    count();
    state.savePublisher(record);
  }

  @Override
  public boolean reachable() {
    return state.reachable();
  }

  /** The audit log, counted the same way. */
  private final class CountingAuditLog implements AuditLog {

    private final AuditLog log;

    CountingAuditLog(AuditLog log) {
      this.log = log;
    }

    @Override
    public AuditEntry append(Instant at, byte[] payload) {
      count();
      return log.append(at, payload);
    }

    @Override
    public List<AuditEntry> after(long sequence, int limit) {
      count();
      return log.after(sequence, limit);
    }

    @Override
    public List<AuditEntry> since(Instant from, int limit) {
      count();
      return log.since(from, limit);
    }

    @Override
    public long lastSequence() {
      count();
      return log.lastSequence();
    }
  }
}
