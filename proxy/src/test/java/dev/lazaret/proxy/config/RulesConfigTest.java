package dev.lazaret.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.Rule;
import dev.lazaret.policy.RuleTarget;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesConfigTest {

  private static final String TARGETS = "a target such as {scope: \"@acme\"}, {package: NAME} or"
      + " {publisher: NAME}";

  @TempDir
  Path tmp;

  private ConfigFileFixture f;

  @BeforeEach
  void minimalSettings() {
    f = new ConfigFileFixture(tmp);
  }

  private String ruleError(String rule) throws Exception {
    f.config("rules:\n" + rule);
    return f.error();
  }

  @Test
  void readsRulesInFileOrder() throws Exception {
    Path file = f.config("""
        rules:
          - trust: {scope: "@acme"}
            note: our own packages
          - trust: {publisher: alice}
            until: 2027-06-30T00:00:00Z
          - deny: {package: event-stream}
            note: compromised in 2018
          - deny:
              package: "@acme/tool"
              version: 3.3.6
            until: 2027-06-30
          - trust: {package: left-pad}
            until: "2027-06-30T02:00:00+02:00"
        """);
    String configured = "configured in " + file;
    Instant june30 = Instant.parse("2027-06-30T00:00:00Z");
    assertThat(f.load().quarantine().rules()).containsExactly(
        Rule.trust(RuleTarget.scope("@acme"), "our own packages"),
        Rule.trust(RuleTarget.publisher("alice"), configured).until(june30),
        Rule.deny(RuleTarget.packageName("event-stream"), "compromised in 2018"),
        Rule.deny(RuleTarget.version("@acme/tool", "3.3.6"), configured).until(june30),
        Rule.trust(RuleTarget.packageName("left-pad"), configured).until(june30));
  }

  @Test
  void noListOrAnEmptyOneMeansNoRules() throws Exception {
    assertThat(f.load().quarantine().rules()).isEmpty();
    f.config("rules:\n");
    assertThat(f.load().quarantine().rules()).isEmpty();
    f.config("rules: []\n");
    assertThat(f.load().quarantine().rules()).isEmpty();
  }

  @Test
  void aRuleNeedsExactlyOneEffect() throws Exception {
    f.config("rules:\n  - note: why\n");
    assertThat(f.error()).isEqualTo(f.at(2) + "rules[1] needs trust: or deny:"
        + " with " + TARGETS);
    assertThat(ruleError("  - trust: {scope: \"@acme\"}\n    deny: {scope: \"@acme\"}\n"))
        .isEqualTo(f.at(3) + "rules[1] has both trust and deny; write one rule"
            + " for each");
  }

  @Test
  void theEffectMustHoldATarget() throws Exception {
    f.config("rules:\n  - trust: \"@acme\"\n");
    assertThat(f.error()).isEqualTo(f.at(2) + "rules[1].trust must be "
        + TARGETS);
    assertThat(ruleError("  - deny:\n")).isEqualTo(f.at(2) + "rules[1].deny"
        + " must be " + TARGETS);
    assertThat(ruleError("  - deny: {}\n")).isEqualTo(f.at(2) + "rules[1].deny"
        + " must be " + TARGETS);
    assertThat(ruleError("  - deny: {version: 1.0.0}\n")).isEqualTo(f.at(2)
        + "rules[1].deny must be " + TARGETS);
  }

  @Test
  void aRuleHasExactlyOneTarget() throws Exception {
    f.config("rules:\n  - trust:\n      scope: \"@acme\"\n      package: x\n");
    assertThat(f.error()).isEqualTo(f.at(4) + "rules[1].trust names both scope"
        + " and package; write one rule for each");
    assertThat(ruleError("  - trust: {publisher: a, scope: \"@acme\"}\n")).isEqualTo(f.at(2) + "rules[1].trust names both scope and publisher; write one rule for"
        + " each");
  }

  @Test
  void aVersionGoesWithAPackageOnly() throws Exception {
    f.config("rules:\n  - deny:\n      scope: \"@acme\"\n      version: 1.0.0\n");
    assertThat(f.error()).isEqualTo(f.at(4) + "rules[1].deny.version goes"
        + " with a package: {package: NAME, version: 1.2.3}");
  }

  @Test
  void unknownKeysAreRejected() throws Exception {
    f.config("rules:\n  - trust: {scope: \"@acme\"}\n    expires: 2027-01-01\n");
    assertThat(f.error()).isEqualTo(f.at(3) + "unknown key 'expires' in"
        + " rules[1] (known: trust, deny, until, note)");
    assertThat(ruleError("  - trust:\n      name: x\n")).isEqualTo(f.at(3) + "unknown key 'name' in rules[1].trust (known: scope, package, publisher, version)");
  }

  @Test
  void badTargetValuesAreRejected() throws Exception {
    f.config("rules:\n  - trust: {scope: acme}\n");
    String at = f.at(2) + "";
    assertThat(f.error()).isEqualTo(at + "rules[1].trust.scope 'acme': expected a scope like"
        + " @acme");
    assertThat(ruleError("  - trust: {scope: \"@acme/x\"}\n")).isEqualTo(at
        + "rules[1].trust.scope '@acme/x': expected a scope like @acme");
    assertThat(ruleError("  - trust: {scope: \"@.acme\"}\n")).isEqualTo(at
        + "rules[1].trust.scope '@.acme': expected a scope like @acme");
    assertThat(ruleError("  - deny: {package: \"bad name\"}\n")).isEqualTo(at
        + "rules[1].deny.package 'bad name': not a valid npm package name");
    assertThat(ruleError("  - deny: {publisher: \"a/b\"}\n")).isEqualTo(at
        + "rules[1].deny.publisher 'a/b': not a valid npm account name");
    assertThat(ruleError("  - deny: {package: x, version: v1.2.3}\n")).isEqualTo(at
        + "rules[1].deny.version 'v1.2.3': expected a version like 1.2.3");
    assertThat(ruleError("  - deny: {package: x, version: latest}\n")).isEqualTo(at
        + "rules[1].deny.version 'latest': expected a version like 1.2.3");
    assertThat(ruleError("  - deny: {package: [x]}\n")).isEqualTo(at
        + "rules[1].deny.package must be a single value (quote values that start with '[' or"
        + " '{')");
  }

  @Test
  void badUntilOrNoteIsRejected() throws Exception {
    f.config("rules:\n  - trust: {scope: \"@acme\"}\n    until: next year\n");
    assertThat(f.error()).isEqualTo(f.at(3) + "rules[1].until 'next year':"
        + " expected a date like 2027-06-30 or a time like 2027-06-30T12:00:00Z");
    assertThat(ruleError("  - trust: {scope: \"@acme\"}\n    until: 2027-06-30T12:00:00\n"))
        .isEqualTo(f.at(3) + "rules[1].until '2027-06-30T12:00:00': expected"
            + " a date like 2027-06-30 or a time like 2027-06-30T12:00:00Z");
    assertThat(ruleError("  - trust: {scope: \"@acme\"}\n    note:\n")).isEqualTo(f.at(3) + "rules[1].note has no value");
  }

  @Test
  void anUnquotedScopeGetsAQuotingHint() throws Exception {
    f.config("rules:\n  - trust:\n      scope: @acme\n");
    assertThat(f.error()).isEqualTo(f.at(3) + "invalid YAML: a value cannot"
        + " start with '@' unless quoted, like \"@acme\"");
    f.config("upstreams:\n  - name: a\n    url: http://a.example/\n    packages: [@acme/*]\n");
    assertThat(f.error()).isEqualTo(f.at(4) + "invalid YAML: a value cannot"
        + " start with '@' unless quoted, like \"@acme\"");
  }

  @Test
  void errorsPointAtTheLineOfTheEntryAtFault() throws Exception {
    f.config("""
        upstream: http://registry.example/
        rules:
          - trust: {scope: "@acme"}

          - deny: {package: event-stream}
            note: fine
          # a comment
          - deny: {package: left-pad}
            until: soon
        """);
    assertThat(f.error()).isEqualTo(f.at(9) + "rules[3].until 'soon':"
        + " expected a date like 2027-06-30 or a time like 2027-06-30T12:00:00Z");
  }
}
