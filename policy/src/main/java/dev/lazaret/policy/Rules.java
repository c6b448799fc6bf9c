package dev.lazaret.policy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The standing trust and deny rules, in the order an administrator wrote them. */
public record Rules(List<Rule> rules) {

  /** Copies the rules. */
  public Rules {
    rules = List.copyOf(rules);
  }

  /** No rules. */
  public static Rules none() {
    return new Rules(List.of());
  }

  /** These rules. */
  public static Rules of(Rule... rules) {
    return new Rules(List.of(rules));
  }

  /** The first rule with {@code effect} in force at {@code now} covering the version, if any. */
  public Optional<Rule> find(Rule.Effect effect, String packageName, String version,
      String publisher, Instant now) {
    return rules.stream()
        .filter(r -> r.effect() == effect && r.activeAt(now)
            && r.target().covers(packageName, version, publisher))
        .findFirst();
  }
}
