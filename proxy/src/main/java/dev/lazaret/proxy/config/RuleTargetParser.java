package dev.lazaret.proxy.config;

import dev.lazaret.policy.RuleTarget;
import java.util.List;

/**
 * Reads what a rule applies to, the mapping under {@code trust:} or {@code deny:}: exactly one of
 * {@code scope}, {@code package} or {@code publisher}, and {@code version} only with a package.
 */
final class RuleTargetParser {

  /** What the mapping must look like, for messages. */
  static final String EXPECTED =
      "a target such as {scope: \"@acme\"}, {package: NAME} or {publisher: NAME}";

  private static final List<String> KINDS = List.of("scope", "package", "publisher");
  private static final List<String> KEYS = List.of("scope", "package", "publisher", "version");

  private RuleTargetParser() {
  }

  /** The target in {@code target} ({@code rules[1].trust}). */
  static RuleTarget parse(ConfigItem target) throws ConfigException {
    target.allowOnly(KEYS);
    List<String> given = KINDS.stream().filter(target::has).toList();
    if (given.isEmpty()) {
      throw target.error(target.label() + " must be " + EXPECTED);
    }
    if (given.size() > 1) {
      throw target.error(given.get(1), target.label() + " names both " + given.get(0) + " and "
          + given.get(1) + "; write one rule for each");
    }
    String kind = given.get(0);
    if (target.has("version") && !kind.equals("package")) {
      throw target.error("version", target.label() + ".version goes with a package:"
          + " {package: NAME, version: 1.2.3}");
    }
    String name = target.value(kind).orElseThrow().parse(switch (kind) {
      case "scope" -> RuleTargetText::scope;
      case "package" -> RuleTargetText::packageName;
      default -> RuleTargetText::publisher;
    });
    if (target.has("version")) {
      return RuleTarget.version(name,
          target.value("version").orElseThrow().parse(RuleTargetText::version));
    }
    return switch (kind) {
      case "scope" -> RuleTarget.scope(name);
      case "package" -> RuleTarget.packageName(name);
      default -> RuleTarget.publisher(name);
    };
  }
}
