package dev.lazaret.proxy.quarantine;

import dev.lazaret.policy.AnalystDecision;
import dev.lazaret.storage.AuditLog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the quarantine must remember and share: holds, analyst decisions, stored rules, the
 * audit log and publisher evidence. Each write that changes more than one of them (a decision
 * with its hold and audit entry, a rule with its audit entry) is atomic. The embedded mode keeps
 * it in RocksDB ({@link RocksQuarantineState}); a clustered mode can keep it in a database.
 */
public interface QuarantineState {

  // Holds

  /** The record of {@code packageName@version}, if it was ever held or blocked. */
  Optional<HoldRecord> hold(String packageName, String version);

  /** Every record of {@code packageName}. */
  List<HoldRecord> holdsOf(String packageName);

  /**
   * Stores {@code records}, each replacing the record of its version, together with the index by
   * (state, time): all of them or none. A record that carries no decision, or an older one, than
   * the stored record is skipped: it was judged before the decision, which it must not undo.
   *
   * @return the records stored, in order
   */
  List<HoldRecord> saveHolds(List<HoldRecord> records);

  /**
   * Up to {@code limit} records whose stored state is one of {@code states}, newest first,
   * starting after {@code after} (or from the newest, if it is {@code null}). Read through the
   * index: the cost follows the page, not the number of holds ever recorded.
   */
  List<HoldRecord> holdsIn(Set<HoldState> states, HoldPosition after, int limit);

  /** The number of records in each stored state (every state present, zero if none). */
  Map<HoldState, Long> holdCounts();

  // Decisions

  /** Every stored analyst decision. */
  List<AnalystDecision> decisions();

  /** The stored analyst decisions about versions of {@code packageName}. */
  default List<AnalystDecision> decisionsOf(String packageName) {
    return decisions().stream().filter(d -> d.packageName().equals(packageName)).toList();
  }

  /**
   * Stores {@code decision}, the hold's new state (approved or rejected, with the decision) and
   * the audit entry in one atomic write. If the hold already carries a decision and
   * {@code replace} is false, refuses instead: only the refused attempt is audited. Of several
   * concurrent decisions about one undecided hold, exactly one is stored.
   */
  DecisionOutcome decide(AnalystDecision decision, boolean replace);

  // Rules

  /** Every stored rule (configured rules are not stored: they live in the config file). */
  List<StoredRule> rules();

  /** Stores {@code rule} with {@code audit}, atomically. */
  void addRule(StoredRule rule, AuditEvent audit);

  /** Removes the stored rule {@code id} with {@code audit}, atomically. */
  void removeRule(String id, AuditEvent audit);

  /**
   * Removes the stored rule {@code id} with {@code audit} if it is stored: the check, the
   * removal and the audit entry are one atomic step, so of several concurrent removals (on any
   * node) exactly one removes the rule and is audited.
   *
   * <p>The default checks, then removes: atomic only if nothing else removes rules meanwhile.
   * Implementations override it with one atomic step.
   *
   * @return whether the rule was stored (and is now removed, with {@code audit})
   */
  default boolean removeRuleIfPresent(String id, AuditEvent audit) {
    if (rules().stream().noneMatch(r -> r.id().equals(id))) {
      return false;
    }
    removeRule(id, audit);
    return true;
  }

  // Audit

  /** The audit log: every decision, refused decision and rule change, and more. */
  AuditLog audit();

  // Publisher evidence

  /** What is known about the publishing account {@code name}. */
  Optional<PublisherRecord> publisher(String name);

  /** Stores {@code record}, replacing what was known about its account. */
  void savePublisher(PublisherRecord record);

  // Health

  /**
   * Whether the state answered its last request (or a probe): false while its database is
   * unreachable. The embedded state is always reachable; its disk faults are the store's.
   */
  default boolean reachable() {
    return true;
  }
}
