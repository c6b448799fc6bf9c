package dev.lazaret.proxy.config;

import dev.lazaret.policy.Rule;
import dev.lazaret.policy.RuleTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code rules:} list of the config file. Each entry has exactly one of
 * {@code trust:} or {@code deny:} holding its target, and may have {@code until:} and
 * {@code note:}.
 */
final class RulesParser {

  private static final List<String> KEYS = List.of("trust", "deny", "until", "note");

  private RulesParser() {
  }

  /** The rules in file order, checked. */
  static List<Rule> parse(List<ConfigItem> items) throws ConfigException {
    List<Rule> rules = new ArrayList<>();
    for (ConfigItem item : items) {
      rules.add(rule(item));
    }
    return List.copyOf(rules);
  }

  private static Rule rule(ConfigItem item) throws ConfigException {
    item.allowOnly(KEYS);
    if (item.has("trust") && item.has("deny")) {
      throw item.error("deny", item.label() + " has both trust and deny; write one rule for"
          + " each");
    }
    if (!item.has("trust") && !item.has("deny")) {
      throw item.error(item.label() + " needs trust: or deny: with "
          + RuleTargetParser.EXPECTED);
    }
    Rule.Effect effect = item.has("trust") ? Rule.Effect.TRUST : Rule.Effect.DENY;
    String effectKey = effect == Rule.Effect.TRUST ? "trust" : "deny";
    RuleTarget target = RuleTargetParser.parse(item.child(effectKey, RuleTargetParser.EXPECTED));
    // Verdict reasons quote the note; without one, say where the rule lives so it can be found.
    String note = item.value("note").map(Located::text)
        .orElse("configured in " + item.file().path());
    Rule rule = new Rule(effect, target, Optional.empty(), note);
    Optional<Located> until = item.value("until");
    return until.isEmpty() ? rule : rule.until(until.get().parse(Instants::parse));
  }
}
