package dev.lazaret.proxy.admin;

import static dev.lazaret.proxy.admin.AdminApiFixture.ADMIN;
import static dev.lazaret.proxy.admin.AdminApiFixture.VIEWER;
import static dev.lazaret.proxy.admin.AdminApiFixture.error;
import static dev.lazaret.proxy.admin.AdminApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazaret.policy.Rule;
import dev.lazaret.policy.RuleTarget;
import dev.lazaret.proxy.testing.PackageGenerator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules endpoints: rules listed, added and removed take effect at once and are audited. */
class AdminRulesApiTest {

  @TempDir Path data;
  private final PackageGenerator gen = AdminApiFixture.generator();
  private AdminApiFixture api;

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void aTrustRuleAddedReleasesTheHoldAndRemovingItHoldsAgain() {
    api = AdminApiFixture.start(data, AdminApiFixture.established(gen, "steady-lib"));
    assertThat(api.proxy.get("/steady-lib/1.5.0").statusCode()).isEqualTo(403);

    JsonNode rule = json(api.call("POST", "/api/rules", ADMIN, """
        {"effect": "trust", "package": "steady-lib", "until": "2026-04-01",
         "note": "our vendor"}"""), 201);
    assertThat(rule.path("id").asText()).isNotEmpty();
    assertThat(rule.path("effect").asText()).isEqualTo("trust");
    assertThat(rule.path("kind").asText()).isEqualTo("package");
    assertThat(rule.path("name").asText()).isEqualTo("steady-lib");
    assertThat(rule.path("expiresAt").asText()).isEqualTo("2026-04-01T00:00:00Z");
    assertThat(rule.path("createdBy").asText()).isEqualTo("root");
    assertThat(rule.path("createdAt").asText()).isEqualTo("2026-03-10T12:00:00Z");
    assertThat(api.proxy.get("/steady-lib/1.5.0").statusCode()).isEqualTo(200);

    JsonNode listed = json(api.get("/api/rules", VIEWER), 200).path("items");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).path("note").asText()).isEqualTo("our vendor");

    String id = rule.path("id").asText();
    JsonNode removed = json(api.call("DELETE", "/api/rules/" + id, ADMIN,
        "{\"reason\": \"contract ended\"}"), 200);
    assertThat(removed.path("id").asText()).isEqualTo(id);
    assertThat(api.proxy.get("/steady-lib/1.5.0").statusCode()).isEqualTo(403);
    assertThat(json(api.get("/api/rules", VIEWER), 200).path("items")).isEmpty();
    assertThat(error(api.call("DELETE", "/api/rules/" + id, ADMIN, null), 404))
        .isEqualTo("no rule '" + id + "'");

    JsonNode audit = json(api.get("/api/audit", VIEWER), 200).path("items");
    assertThat(audit).hasSize(2);
    assertThat(audit.get(0).path("action").asText()).isEqualTo("rule-add");
    assertThat(audit.get(0).path("actor").asText()).isEqualTo("root");
    assertThat(audit.get(0).path("reason").asText()).isEqualTo("our vendor");
    assertThat(audit.get(1).path("action").asText()).isEqualTo("rule-remove");
    assertThat(audit.get(1).path("reason").asText()).isEqualTo("contract ended");
    assertThat(audit.get(1).path("target").asText()).contains("steady-lib");
  }

  @Test
  void aDenyRuleForOneVersionBlocksIt() {
    api = AdminApiFixture.start(data, AdminApiFixture.established(gen, "steady-lib"));
    assertThat(api.proxy.get("/steady-lib/1.4.0").statusCode()).isEqualTo(200);
    json(api.call("POST", "/api/rules", ADMIN,
        "{\"effect\": \"deny\", \"package\": \"steady-lib\", \"version\": \"1.4.0\"}"), 201);
    assertThat(api.proxy.get("/steady-lib/1.4.0").statusCode()).isEqualTo(403);
    JsonNode rule = json(api.get("/api/rules", VIEWER), 200).path("items").get(0);
    assertThat(rule.path("kind").asText()).isEqualTo("version");
    assertThat(rule.path("version").asText()).isEqualTo("1.4.0");
  }

  @Test
  void badRulesAreRefusedWithAClearMessage() {
    api = AdminApiFixture.start(data);
    assertThat(bad("{\"package\": \"x\"}")).isEqualTo("effect must be trust or deny");
    assertThat(bad("{\"effect\": \"trust\"}"))
        .isEqualTo("give exactly one of publisher, package or scope");
    assertThat(bad("{\"effect\": \"trust\", \"package\": \"x\", \"scope\": \"@a\"}"))
        .isEqualTo("give exactly one of publisher, package or scope");
    assertThat(bad("{\"effect\": \"trust\", \"scope\": \"@a\", \"version\": \"1.0.0\"}"))
        .startsWith("version goes with a package");
    assertThat(bad("{\"effect\": \"trust\", \"scope\": \"acme\"}"))
        .isEqualTo("scope must look like @acme");
    assertThat(bad("{\"effect\": \"deny\", \"package\": \"Bad Name\"}"))
        .contains("not a valid npm package name");
    assertThat(bad("{\"effect\": \"deny\", \"package\": \"x\", \"version\": \"v1\"}"))
        .isEqualTo("version must look like 1.2.3");
    assertThat(bad("{\"effect\": \"deny\", \"publisher\": \"a b\"}"))
        .contains("not a valid npm account name");
    assertThat(bad("{\"effect\": \"deny\", \"package\": \"x\", \"until\": \"soon\"}"))
        .startsWith("until: expected a date");
    assertThat(bad("{\"effect\": \"deny\", \"package\": \"x\", \"until\": \"2020-01-01\"}"))
        .startsWith("until is in the past");
    assertThat(bad("{\"effect\": \"deny\", \"pacakge\": \"x\"}"))
        .startsWith("unknown field 'pacakge'");
    assertThat(json(api.get("/api/rules", VIEWER), 200).path("items")).isEmpty();
    assertThat(api.auditEntries()).isZero();
  }

  @Test
  void configuredRulesAreListedButCannotBeRemovedHere() {
    api = AdminApiFixture.start(data, s -> s.withQuarantine(s.quarantine().withRules(List.of(
        Rule.trust(RuleTarget.scope("@acme"), "our own packages")))));
    JsonNode rule = json(api.get("/api/rules", VIEWER), 200).path("items").get(0);
    assertThat(rule.path("createdBy").asText()).isEqualTo("config");
    assertThat(rule.path("kind").asText()).isEqualTo("scope");
    assertThat(error(api.call("DELETE", "/api/rules/" + rule.path("id").asText(), ADMIN, null),
        409)).contains("config file");
  }

  private String bad(String body) {
    return error(api.call("POST", "/api/rules", ADMIN, body), 400);
  }
}
