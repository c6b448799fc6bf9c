package dev.lazaret.proxy.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.Rule;
import dev.lazaret.policy.RuleTarget;
import dev.lazaret.proxy.config.QuarantineSettings;
import dev.lazaret.proxy.quarantine.StoredRule;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.PackageGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configured trust and deny rules, through a real Lazaret with an injected clock. */
class RulesThroughProxyTest {

  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
  private static final Duration YEAR = Duration.ofDays(365);

  private final PackageGenerator gen = PackageGenerator.seeded(8).at(NOW);
  private final MutableClock clock = new MutableClock(NOW);
  private final GeneratedPackage ours = gen.pkg("@acme/ui").maintainer("acme-ci")
      .version("1.0.0", v -> v.publishedAgo(YEAR))
      .version("1.1.0", v -> v.publishedAgo(Duration.ofHours(1)))
      .done();
  private final GeneratedPackage alices = gen.pkg("alice-utils").maintainer("alice")
      .version("1.0.0", v -> v.publishedAgo(YEAR))
      .version("1.1.0", v -> v.publishedAgo(Duration.ofHours(1)))
      .done();
  private final GeneratedPackage denied = gen.pkg("event-stream").maintainer("dominictarr")
      .version("3.3.6", v -> v.publishedAgo(YEAR.multipliedBy(5)))
      .done();
  private final GeneratedPackage risky = gen.pkg("@acme/beacon").maintainer("q9z8x7w6")
      .version("1.0.0", v -> v.publishedAgo(Duration.ofHours(3)).preinstall("node x.js"))
      .done();

  @TempDir Path data;
  private FakeUpstream upstream;
  private RunningProxy proxy;

  @BeforeEach
  void start() {
    upstream = FakeUpstream.start(clock).publish(ours, alices, denied, risky);
    List<Rule> rules = List.of(
        Rule.trust(RuleTarget.scope("@acme"), "our own packages"),
        Rule.trust(RuleTarget.publisher("alice"), "vetted").until(NOW.plus(Duration.ofMinutes(30))),
        Rule.deny(RuleTarget.packageName("event-stream"), "compromised in 2018"));
    proxy = RunningProxy.start(upstream, data, clock,
        s -> s.withQuarantine(QuarantineSettings.defaults().withRules(rules)));
  }

  @AfterEach
  void stop() {
    proxy.close();
    upstream.close();
  }

  @Test
  void trustedScopeSkipsTheBaseCooldown() {
    assertThat(proxy.get("/@acme%2fui/1.1.0").statusCode()).isEqualTo(200);
  }

  @Test
  void trustEndsWithItsExpiryAndTheBaseHoldResumes() {
    assertThat(proxy.get("/alice-utils/1.1.0").statusCode()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(30));
    assertThat(proxy.get("/alice-utils/1.1.0").statusCode()).isEqualTo(403);
    assertThat(body(proxy.get("/alice-utils")))
        .contains("\"latest\":\"1.0.0\"").doesNotContain("\"1.1.0\"");
  }

  @Test
  void denyRuleBlocksEveryVersion() {
    assertThat(proxy.get("/event-stream").statusCode()).isEqualTo(403);
    assertThat(body(proxy.get("/event-stream/3.3.6")))
        .contains("event-stream@3.3.6 is blocked and will not be served")
        .contains("Deny rule for package event-stream").contains("compromised in 2018");
  }

  @Test
  void trustDoesNotReleaseARiskyVersion() {
    assertThat(proxy.get("/@acme%2fbeacon/1.0.0").statusCode()).isEqualTo(403);
    assertThat(body(proxy.get("/@acme%2fbeacon/1.0.0"))).contains("ask your security team");
  }

  @Test
  void rulesAddedAtRuntimeApplyAtOnceAndSurviveARestart() {
    assertThat(proxy.get("/alice-utils").statusCode()).isEqualTo(200);
    var rules = proxy.lazaret().quarantine().orElseThrow().rules();
    StoredRule deny = rules.add(Rule.deny(RuleTarget.publisher("alice"), "account hijacked"),
        "admin-token", NOW);
    assertThat(proxy.get("/alice-utils/1.0.0").statusCode()).isEqualTo(403);
    assertThat(body(proxy.get("/alice-utils/1.0.0"))).contains("account hijacked");

    proxy.restart();
    assertThat(proxy.get("/alice-utils/1.0.0").statusCode()).isEqualTo(403);
    assertThat(proxy.lazaret().quarantine().orElseThrow().rules().list())
        .extracting(StoredRule::createdBy).contains("config", "admin-token");

    proxy.lazaret().quarantine().orElseThrow().rules()
        .remove(deny.id(), "admin-token", "recovered", NOW);
    assertThat(proxy.get("/alice-utils/1.0.0").statusCode()).isEqualTo(200);
  }

  private static String body(java.net.http.HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }
}
