package dev.lazaret.proxy.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazaret.policy.Rule;
import dev.lazaret.policy.RuleTarget;
import dev.lazaret.proxy.config.ConfigException;
import dev.lazaret.proxy.config.Instants;
import dev.lazaret.proxy.npm.PackageName;
import dev.lazaret.proxy.npm.SemVer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the body of {@code POST /api/rules}: an effect, exactly one of publisher, package or
 * scope, a version only with a package, an optional expiry and note. The same checks as a
 * config-file rule, with messages that name the JSON fields.
 */
final class RuleRequest {

  private static final List<String> FIELDS =
      List.of("effect", "publisher", "package", "scope", "version", "until", "note");
  private static final List<String> TARGETS = List.of("publisher", "package", "scope");
  // npm account names are URL-safe; anything else cannot be a publisher.
  private static final Pattern PUBLISHER = Pattern.compile("[A-Za-z0-9._~-]+");

  private RuleRequest() {
  }

  /**
   * The rule {@code body} asks for, checked as of {@code now}.
   *
   * @throws ApiException 400 naming the first problem
   */
  static Rule parse(ObjectNode body, Instant now) {
    body.fieldNames().forEachRemaining(f -> {
      if (!FIELDS.contains(f)) {
        throw ApiException.badRequest("unknown field '" + f + "' (known: "
            + String.join(", ", FIELDS) + ")");
      }
    });
    Rule.Effect effect = switch (ApiJson.text(body, "effect").orElse("")) {
      case "trust" -> Rule.Effect.TRUST;
      case "deny" -> Rule.Effect.DENY;
      default -> throw ApiException.badRequest("effect must be trust or deny");
    };
    Rule rule = new Rule(effect, target(body), Optional.empty(),
        ApiJson.text(body, "note").orElse(""));
    Optional<String> until = ApiJson.text(body, "until");
    if (until.isEmpty()) {
      return rule;
    }
    Instant expiry;
    try {
      expiry = Instants.parse(until.get());
    } catch (ConfigException e) {
      throw ApiException.badRequest("until: " + e.getMessage());
    }
    if (!expiry.isAfter(now)) {
      throw ApiException.badRequest("until is in the past; the rule would never apply");
    }
    return rule.until(expiry);
  }

  private static RuleTarget target(ObjectNode body) {
    List<String> given = TARGETS.stream().filter(t -> ApiJson.text(body, t).isPresent()).toList();
    if (given.size() != 1) {
      throw ApiException.badRequest("give exactly one of publisher, package or scope");
    }
    String kind = given.getFirst();
    String name = ApiJson.text(body, kind).orElseThrow();
    Optional<String> version = ApiJson.text(body, "version");
    if (version.isPresent() && !kind.equals("package")) {
      throw ApiException.badRequest("version goes with a package: {\"package\": NAME,"
          + " \"version\": \"1.2.3\"}");
    }
    return switch (kind) {
      case "publisher" -> RuleTarget.publisher(publisher(name));
      case "scope" -> RuleTarget.scope(scope(name));
      default -> version.isPresent()
          ? RuleTarget.version(packageName(name), version(version.get()))
          : RuleTarget.packageName(packageName(name));
    };
  }

  private static String publisher(String name) {
    if (!PUBLISHER.matcher(name).matches()) {
      throw ApiException.badRequest("publisher '" + name + "' is not a valid npm account name");
    }
    return name;
  }

  private static String scope(String scope) {
    if (!scope.startsWith("@") || scope.contains("/") || !validName(scope + "/x")) {
      throw ApiException.badRequest("scope must look like @acme");
    }
    return scope;
  }

  private static String packageName(String name) {
    if (!validName(name)) {
      throw ApiException.badRequest("package '" + name + "' is not a valid npm package name");
    }
    return name;
  }

  private static String version(String version) {
    // SemVer tolerates a leading 'v', but published versions never have one.
    if (version.startsWith("v") || SemVer.parse(version).isEmpty()) {
      throw ApiException.badRequest("version must look like 1.2.3");
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
