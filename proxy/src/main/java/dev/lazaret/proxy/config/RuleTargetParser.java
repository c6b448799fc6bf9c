package dev.lazaret.proxy.config;

import dev.lazaret.policy.RuleTarget;
import dev.lazaret.proxy.npm.PackageName;
import dev.lazaret.proxy.npm.SemVer;
import java.util.List;
import java.util.regex.Pattern;

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

  // npm account names are URL-safe; anything else cannot be a publisher.
  private static final Pattern PUBLISHER = Pattern.compile("[A-Za-z0-9._~-]+");

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
      case "scope" -> RuleTargetParser::scope;
      case "package" -> RuleTargetParser::packageName;
      default -> RuleTargetParser::publisher;
    });
    if (target.has("version")) {
      return RuleTarget.version(name,
          target.value("version").orElseThrow().parse(RuleTargetParser::version));
    }
    return switch (kind) {
      case "scope" -> RuleTarget.scope(name);
      case "package" -> RuleTarget.packageName(name);
      default -> RuleTarget.publisher(name);
    };
  }

  private static String scope(String text) throws ConfigException {
    String scope = text.strip();
    // A scope is valid when a package in it can be: PackageName holds npm's rules.
    if (!scope.startsWith("@") || scope.contains("/") || !validName(scope + "/x")) {
      throw new ConfigException("expected a scope like @acme");
    }
    return scope;
  }

  private static String packageName(String text) throws ConfigException {
    String name = text.strip();
    if (!validName(name)) {
      throw new ConfigException("not a valid npm package name");
    }
    return name;
  }

  private static String publisher(String text) throws ConfigException {
    String name = text.strip();
    if (!PUBLISHER.matcher(name).matches()) {
      throw new ConfigException("not a valid npm account name");
    }
    return name;
  }

  private static String version(String text) throws ConfigException {
    String version = text.strip();
    // SemVer tolerates a leading 'v', but published versions never have one, so it would match
    // nothing.
    if (version.startsWith("v") || SemVer.parse(version).isEmpty()) {
      throw new ConfigException("expected a version like 1.2.3");
    }
    return version;
  }

  private static boolean validName(String name) {
    try {
      PackageName.parse(name);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
