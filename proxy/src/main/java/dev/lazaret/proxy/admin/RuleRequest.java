package dev.lazaret.proxy.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazaret.policy.Rule;
import dev.lazaret.policy.RuleTarget;
import dev.lazaret.proxy.config.ConfigException;
import dev.lazaret.proxy.config.Instants;
import dev.lazaret.proxy.config.RuleTargetText;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads the body of {@code POST /api/rules}: an effect, exactly one of publisher, package or
 * scope, a version only with a package, an optional expiry and note. The same checks as a
 * config-file rule, with messages that name the JSON fields.
 */
final class RuleRequest {

  private static final List<String> FIELDS =
      List.of("effect", "publisher", "package", "scope", "version", "until", "note");
  private static final List<String> TARGETS = List.of("publisher", "package", "scope");

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
      case "publisher" -> RuleTarget.publisher(checked(kind, name, RuleTargetText::publisher));
      case "scope" -> RuleTarget.scope(checked(kind, name, RuleTargetText::scope));
      default -> version.isPresent()
          ? RuleTarget.version(checked(kind, name, RuleTargetText::packageName),
              checked("version", version.get(), RuleTargetText::version))
          : RuleTarget.packageName(checked(kind, name, RuleTargetText::packageName));
    };
  }

  /** {@code check} applied to {@code text}; a failure reads {@code FIELD 'TEXT': REASON}. */
  private static String checked(String field, String text, TextCheck check) {
    try {
      return check.apply(text);
    } catch (ConfigException e) {
      throw ApiException.badRequest(field + " '" + text + "': " + e.getMessage());
    }
  }

  /** One of {@link RuleTargetText}'s checks. */
  @FunctionalInterface
  private interface TextCheck {
    String apply(String text) throws ConfigException;
  }
}
