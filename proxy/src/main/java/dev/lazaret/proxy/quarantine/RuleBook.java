package dev.lazaret.proxy.quarantine;

import dev.lazaret.policy.Rule;
import dev.lazaret.policy.Rules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The standing trust and deny rules: those from the config file (read-only) and those added by
 * administrators, which are stored with an audit entry and take effect at once. Stored rules are
 * kept in the order they were made, so that every node, and every restart, applies them in the
 * same order (the first matching rule is the one a verdict cites). Changes are serialized here;
 * the state's write decides whether a removal removed anything, since another node may have
 * removed the rule first.
 */
public final class RuleBook {

  /** The order stored rules apply in: oldest first (a stable sort keeps ties as they were). */
  private static final Comparator<StoredRule> MADE_ORDER =
      Comparator.comparing(StoredRule::createdAt);

  private final QuarantineState state;
  private final List<StoredRule> configured;
  /** The stored rules in {@link #MADE_ORDER}; replaced whole, never changed in place. */
  private volatile List<StoredRule> stored;
  private volatile Runnable onChange = () -> { };

  private RuleBook(QuarantineState state, List<StoredRule> configured, List<StoredRule> stored) {
    this.state = state;
    this.configured = configured;
    this.stored = ordered(stored);
  }

  /** The configured rules, and every stored one. */
  public static RuleBook load(QuarantineState state, List<Rule> fromConfig, Instant startedAt) {
    List<StoredRule> configured = new ArrayList<>();
    for (int i = 0; i < fromConfig.size(); i++) {
      configured.add(StoredRule.of("config-" + (i + 1), fromConfig.get(i), "config", startedAt));
    }
    return new RuleBook(state, List.copyOf(configured), state.rules());
  }

  /** Called whenever a rule is added or removed. */
  public void onChange(Runnable listener) {
    this.onChange = listener;
  }

  /** Every rule, configured ones first, as the engine applies them. */
  public Rules rules() {
    List<Rule> all = new ArrayList<>();
    configured.forEach(r -> all.add(r.rule()));
    stored.forEach(r -> all.add(r.rule()));
    return new Rules(all);
  }

  /** Every rule with who made it. */
  public List<StoredRule> list() {
    List<StoredRule> all = new ArrayList<>(configured);
    all.addAll(stored);
    return all;
  }

  /** Stores {@code rule}, made by {@code actor}, with its audit entry. */
  public synchronized StoredRule add(Rule rule, String actor, Instant at) {
    StoredRule s = StoredRule.of(UUID.randomUUID().toString(), rule, actor, at);
    AuditEvent event = new AuditEvent(at, actor, "rule-add", describe(s), s.note(),
        Map.of("rule", rule.describe()));
    state.addRule(s, event);
    List<StoredRule> updated = new ArrayList<>(stored);
    updated.add(s);
    stored = ordered(updated);
    onChange.run();
    return s;
  }

  /**
   * Removes the stored rule {@code id}, with its audit entry, if the state still has it (another
   * node may have removed it, or added it, since this one last loaded the rules). Configured
   * rules cannot be removed here (they live in the config file).
   *
   * @return the removed rule, or empty if no stored rule has that id
   */
  public synchronized Optional<StoredRule> remove(String id, String actor, String reason,
      Instant at) {
    Optional<StoredRule> found = stored.stream().filter(r -> r.id().equals(id)).findFirst()
        .or(() -> state.rules().stream().filter(r -> r.id().equals(id)).findFirst());
    if (found.isEmpty()) {
      return found;
    }
    StoredRule s = found.get();
    AuditEvent event = new AuditEvent(at, actor, "rule-remove", describe(s), reason,
        Map.of("rule", s.rule().describe()));
    boolean removed = state.removeRuleIfPresent(s.id(), event);
    List<StoredRule> updated = new ArrayList<>(stored);
    boolean wasKnown = updated.removeIf(r -> r.id().equals(id));
    stored = List.copyOf(updated);
    if (removed || wasKnown) {
      onChange.run();
    }
    return removed ? found : Optional.empty();
  }

  /**
   * Reloads the stored rules from the state (another node changed them); runs the change
   * listener only if they differ from those in memory.
   *
   * @return whether they differed
   * @throws StateUnavailableException if the state cannot be read
   */
  public synchronized boolean reload() {
    List<StoredRule> fresh = state.rules();
    if (new HashSet<>(fresh).equals(new HashSet<>(stored))) {
      return false;
    }
    stored = ordered(fresh);
    onChange.run();
    return true;
  }

  private static List<StoredRule> ordered(List<StoredRule> rules) {
    return rules.stream().sorted(MADE_ORDER).toList();
  }

  private static String describe(StoredRule s) {
    return s.effect().name().toLowerCase(java.util.Locale.ROOT) + " " + s.rule().target();
  }
}
