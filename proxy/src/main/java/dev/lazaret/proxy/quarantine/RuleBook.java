package dev.lazaret.proxy.quarantine;

import dev.lazaret.policy.Rule;
import dev.lazaret.policy.Rules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The standing trust and deny rules: those from the config file (read-only) and those added by
 * administrators, which are stored with an audit entry and take effect at once.
 */
public final class RuleBook {

  private final QuarantineState state;
  private final List<StoredRule> configured;
  private final List<StoredRule> stored = new CopyOnWriteArrayList<>();
  private volatile Runnable onChange = () -> { };

  private RuleBook(QuarantineState state, List<StoredRule> configured) {
    this.state = state;
    this.configured = configured;
  }

  /** The configured rules, and every stored one. */
  public static RuleBook load(QuarantineState state, List<Rule> fromConfig, Instant startedAt) {
    List<StoredRule> configured = new ArrayList<>();
    for (int i = 0; i < fromConfig.size(); i++) {
      configured.add(StoredRule.of("config-" + (i + 1), fromConfig.get(i), "config", startedAt));
    }
    RuleBook book = new RuleBook(state, List.copyOf(configured));
    book.stored.addAll(state.rules());
    return book;
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
  public StoredRule add(Rule rule, String actor, Instant at) {
    StoredRule s = StoredRule.of(UUID.randomUUID().toString(), rule, actor, at);
    AuditEvent event = new AuditEvent(at, actor, "rule-add", describe(s), s.note(),
        Map.of("rule", rule.describe()));
    state.addRule(s, event);
    stored.add(s);
    onChange.run();
    return s;
  }

  /**
   * Removes the stored rule {@code id}, with its audit entry. Configured rules cannot be removed
   * here (they live in the config file).
   *
   * @return the removed rule, or empty if no stored rule has that id
   */
  public Optional<StoredRule> remove(String id, String actor, String reason, Instant at) {
    Optional<StoredRule> found = stored.stream().filter(r -> r.id().equals(id)).findFirst();
    found.ifPresent(s -> {
      AuditEvent event = new AuditEvent(at, actor, "rule-remove", describe(s), reason,
          Map.of("rule", s.rule().describe()));
      state.removeRule(s.id(), event);
      stored.remove(s);
      onChange.run();
    });
    return found;
  }

  private static String describe(StoredRule s) {
    return s.effect().name().toLowerCase(java.util.Locale.ROOT) + " " + s.rule().target();
  }
}
