package dev.lazaret.proxy.quarantine;

import dev.lazaret.policy.Rule;
import dev.lazaret.policy.RuleTarget;
import java.time.Instant;
import java.util.Optional;

/**
 * A trust or deny rule as stored and listed: the rule, and who made it when.
 *
 * @param id        stable id, for removal
 * @param effect    trust or deny
 * @param kind      what the target is: publisher, package, scope or version
 * @param name      the publisher, package or scope name
 * @param version   the version, for version targets only
 * @param expiresAt when the rule stops applying, if ever
 * @param note      why it exists
 * @param createdBy who made it ({@code config} for rules from the config file)
 * @param createdAt when
 */
public record StoredRule(String id, Rule.Effect effect, RuleTarget.Kind kind, String name,
    String version, Instant expiresAt, String note, String createdBy, Instant createdAt) {

  /** The rule the engine applies. */
  public Rule rule() {
    return new Rule(effect, new RuleTarget(kind, name, version), Optional.ofNullable(expiresAt),
        note == null ? "" : note);
  }

  /** A stored form of {@code rule}. */
  public static StoredRule of(String id, Rule rule, String createdBy, Instant createdAt) {
    return new StoredRule(id, rule.effect(), rule.target().kind(), rule.target().name(),
        rule.target().version(), rule.expiresAt().orElse(null), rule.note(), createdBy,
        createdAt);
  }

  /** Decodes a stored rule. */
  static StoredRule read(byte[] value) {
    return StoredJson.read(value, StoredRule.class, "rule");
  }
}
