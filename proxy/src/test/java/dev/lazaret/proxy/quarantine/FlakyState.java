package dev.lazaret.proxy.quarantine;

import dev.lazaret.policy.AnalystDecision;
import dev.lazaret.storage.AuditLog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A state that passes everything to another one, notes which thread wrote hold and publisher
 * records, and can be taken down: while down, those writes fail as an unreachable database's do.
 */
final class FlakyState implements QuarantineState {

  private final QuarantineState inner;
  /** The thread of every hold or publisher write attempted, in order. */
  final List<Thread> writers = new CopyOnWriteArrayList<>();
  volatile boolean down;
  /** Counted down when a hold write fails because the state is down. */
  final CountDownLatch holdWriteFailed = new CountDownLatch(1);

  FlakyState(QuarantineState inner) {
    this.inner = inner;
  }

  private void write() {
    writers.add(Thread.currentThread());
    if (down) {
      throw new StateUnavailableException("test: the database is down", null);
    }
  }

  @Override
  public Optional<HoldRecord> hold(String packageName, String version) {
    return inner.hold(packageName, version);
  }

  @Override
  public List<HoldRecord> holdsOf(String packageName) {
    return inner.holdsOf(packageName);
  }

  @Override
  public List<HoldRecord> saveHolds(List<HoldRecord> records) {
    try {
      write();
    } catch (StateUnavailableException e) {
      holdWriteFailed.countDown();
      throw e;
    }
    return inner.saveHolds(records);
  }

  @Override
  public List<HoldRecord> holdsIn(Set<HoldState> states, HoldPosition after, int limit) {
    return inner.holdsIn(states, after, limit);
  }

  @Override
  public Map<HoldState, Long> holdCounts() {
    return inner.holdCounts();
  }

  @Override
  public List<AnalystDecision> decisions() {
    return inner.decisions();
  }

  @Override
  public List<AnalystDecision> decisionsOf(String packageName) {
    return inner.decisionsOf(packageName);
  }

  @Override
  public DecisionOutcome decide(AnalystDecision decision, boolean replace) {
    return inner.decide(decision, replace);
  }

  @Override
  public List<StoredRule> rules() {
    return inner.rules();
  }

  @Override
  public void addRule(StoredRule rule, AuditEvent audit) {
    inner.addRule(rule, audit);
  }

  @Override
  public void removeRule(String id, AuditEvent audit) {
    inner.removeRule(id, audit);
  }

  @Override
  public boolean removeRuleIfPresent(String id, AuditEvent audit) {
    return inner.removeRuleIfPresent(id, audit);
  }

  @Override
  public AuditLog audit() {
    return inner.audit();
  }

  @Override
  public Optional<PublisherRecord> publisher(String name) {
    return inner.publisher(name);
  }

  @Override
  public void savePublisher(PublisherRecord record) {
    write();
    inner.savePublisher(record);
  }
}
