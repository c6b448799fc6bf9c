package dev.lazaret.proxy.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazaret.policy.Rule;
import dev.lazaret.proxy.admin.auth.Caller;
import dev.lazaret.proxy.quarantine.RuleBook;
import dev.lazaret.proxy.quarantine.StoredRule;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** The rules endpoints: list, add and remove trust and deny rules; every change is audited. */
final class RulesApi {

  /** The prefix of one rule's path. */
  static final String PREFIX = "/api/rules/";
  /** Who made the rules that come from the config file. */
  private static final String CONFIG = "config";

  private final RuleBook rules;
  private final Clock clock;

  RulesApi(RuleBook rules, Clock clock) {
    this.rules = rules;
    this.clock = clock;
  }

  /** {@code GET /api/rules}. */
  AdminResponse list(AdminRequest request, Caller caller) {
    return AdminResponse.json(200,
        Map.of("items", rules.list().stream().map(RuleView::of).toList()));
  }

  /** {@code POST /api/rules}: 201 with the rule, made by {@code caller}. */
  AdminResponse add(AdminRequest request, Caller caller) {
    Instant now = clock.instant();
    Rule rule = RuleRequest.parse(ApiJson.body(request), now);
    return AdminResponse.json(201, RuleView.of(rules.add(rule, caller.name(), now)));
  }

  /** {@code DELETE /api/rules/{id}}, with an optional reason for the audit log. */
  AdminResponse remove(AdminRequest request, Caller caller) {
    String id = VersionPath.decode(request.path().substring(PREFIX.length()));
    ObjectNode body = ApiJson.body(request);
    for (StoredRule r : rules.list()) {
      if (r.id().equals(id) && r.createdBy().equals(CONFIG)) {
        throw new ApiException(409, "rule " + id + " comes from the config file; remove it"
            + " there");
      }
    }
    String reason = ApiJson.text(body, "reason").orElse("");
    StoredRule removed = rules.remove(id, caller.name(), reason, clock.instant())
        .orElseThrow(() -> ApiException.notFound("no rule '" + id + "'"));
    return AdminResponse.json(200, RuleView.of(removed));
  }
}
