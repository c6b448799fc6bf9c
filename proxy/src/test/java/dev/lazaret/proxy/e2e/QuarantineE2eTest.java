package dev.lazaret.proxy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.AnalystDecision;
import dev.lazaret.policy.PolicySettings;
import dev.lazaret.proxy.config.QuarantineSettings;
import dev.lazaret.proxy.config.UpstreamRoute;
import dev.lazaret.proxy.it.RunningProxy;
import dev.lazaret.proxy.testing.CommandResult;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.NpmCli;
import dev.lazaret.proxy.testing.PackageGenerator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real npm CLI through a quarantining Lazaret, on the real clock. */
@Tag("e2e")
class QuarantineE2eTest {

  private static final Duration YEAR = Duration.ofDays(365);

  private final Instant now = Instant.now();
  private final PackageGenerator gen = PackageGenerator.seeded(99).at(now);
  @TempDir Path data;
  private FakeUpstream upstream;
  private FakeUpstream internal;
  private RunningProxy proxy;

  @AfterEach
  void stop() {
    if (proxy != null) {
      proxy.close();
    }
    if (upstream != null) {
      upstream.close();
    }
    if (internal != null) {
      internal.close();
    }
  }

  private GeneratedPackage steadyLib(Duration newestAge) {
    return gen.pkg("steady-lib").maintainer("alice")
        .version("1.0.0", v -> v.publishedAgo(YEAR.multipliedBy(3)))
        .version("1.1.0", v -> v.publishedAgo(YEAR))
        .version("1.2.0", v -> v.publishedAgo(newestAge))
        .done();
  }

  @Test
  void npmPrintsTheReadableRefusalForACampaignPackage() {
    GeneratedPackage beacon = gen.pkg("corp-payments-internal").maintainer("d4ugwerp")
        .version("99.0.0", v -> v.publishedAgo(Duration.ofHours(2)).publishedBy("d4ugwerp")
            .preinstall("node -e \"require('http').get('http://127.0.0.1:9/')\""))
        .done();
    upstream = FakeUpstream.start().publish(beacon);
    proxy = RunningProxy.start(upstream, data, Clock.systemUTC(),
        s -> s.withQuarantine(QuarantineSettings.defaults()));

    try (NpmCli npm = NpmCli.against(proxy.url())) {
      CommandResult result = npm.install("corp-payments-internal");
      assertThat(result.succeeded()).isFalse();
      assertThat(result.output())
          .contains("403")
          .contains("corp-payments-internal has no version you may install yet")
          .contains("published 2 h ago by 'd4ugwerp'")
          .contains("whose name looks machine-generated")
          .contains("ask your security team to review it");

      // npm resolves a pinned version from the packument too, so it gets the same explanation.
      CommandResult pinned = npm.install("corp-payments-internal@99.0.0");
      assertThat(pinned.succeeded()).isFalse();
      assertThat(pinned.output()).contains("403")
          .contains("corp-payments-internal has no version you may install yet");
    }
  }

  @Test
  void npmSeesTheVersionRightAfterAShortCooldownWithoutRestartOrTtl() throws Exception {
    Duration cooldown = Duration.ofSeconds(6);
    GeneratedPackage lib = steadyLib(Duration.ZERO);
    upstream = FakeUpstream.start().publish(lib);
    proxy = RunningProxy.start(upstream, data, Clock.systemUTC(),
        s -> s.withQuarantine(QuarantineSettings.defaults().withPolicy(PolicySettings.defaults()
            .withBaseCooldown(cooldown).withRiskyCooldown(cooldown))));

    try (NpmCli npm = NpmCli.against(proxy.url())) {
      CommandResult first = npm.install("steady-lib");
      assertThat(first.succeeded()).as(first::describe).isTrue();
      assertThat(npm.installedVersion("steady-lib")).contains("1.1.0");
      // The held version is simply not in the packument yet; npm cannot resolve it.
      CommandResult early = npm.install("steady-lib@1.2.0");
      assertThat(early.succeeded()).isFalse();
      assertThat(early.output()).contains("No matching version found for steady-lib@1.2.0");

      Instant until = lib.version("1.2.0").publishedAt().plus(cooldown);
      Thread.sleep(Math.max(0, Duration.between(Instant.now(), until).toMillis()) + 50);
      CommandResult after = npm.install("steady-lib@1.2.0");
      assertThat(after.succeeded()).as(after::describe).isTrue();
      assertThat(npm.installedVersion("steady-lib")).contains("1.2.0");
    }
  }

  @Test
  void anApprovedVersionInstallsOnTheNextRequest() {
    GeneratedPackage lib = steadyLib(Duration.ofHours(1));
    upstream = FakeUpstream.start().publish(lib);
    proxy = RunningProxy.start(upstream, data, Clock.systemUTC(),
        s -> s.withQuarantine(QuarantineSettings.defaults()));

    try (NpmCli npm = NpmCli.against(proxy.url())) {
      assertThat(npm.install("steady-lib@1.2.0").succeeded()).isFalse();
      proxy.lazaret().quarantine().orElseThrow().decisions().decide(AnalystDecision.approve(
          "steady-lib", "1.2.0", "carol", Instant.now(), "release blocker fix"));
      CommandResult approved = npm.install("steady-lib@1.2.0");
      assertThat(approved.succeeded()).as(approved::describe).isTrue();
      assertThat(npm.installedVersion("steady-lib")).contains("1.2.0");

      // Rejected later: a lockfile that pins it now fails on the tarball, saying why.
      proxy.lazaret().quarantine().orElseThrow().decisions().decide(AnalystDecision.reject(
          "steady-lib", "1.2.0", "dave", Instant.now(), "maintainer account compromised"));
      npm.removeNodeModules();
      npm.clearCache();
      CommandResult ci = npm.ci();
      assertThat(ci.succeeded()).isFalse();
      assertThat(ci.output()).contains("403").contains("steady-lib@1.2.0 is blocked")
          .contains("Rejected by analyst dave").contains("maintainer account compromised");
    }
  }

  @Test
  void theProtectedNameInstallsFromTheInternalUpstreamOnly() {
    internal = FakeUpstream.start().publish(gen.pkg("acme-billing").maintainer("acme-ci")
        .version("1.0.0", v -> v.publishedAgo(Duration.ofDays(200)))
        .version("1.1.0", v -> v.publishedAgo(Duration.ofDays(40)))
        .done());
    upstream = FakeUpstream.start().publish(gen.pkg("acme-billing").maintainer("x7f3k9q2")
        .version("99.0.0", v -> v.publishedAgo(Duration.ofDays(30))
            .preinstall("node -e \"require('http').get('http://127.0.0.1:9/')\""))
        .done());
    proxy = RunningProxy.start(upstream, data, Clock.systemUTC(),
        s -> s.withQuarantine(QuarantineSettings.defaults()).withRoutes(List.of(
            new UpstreamRoute("internal", internal.url(), List.of("acme-*")))));

    try (NpmCli npm = NpmCli.against(proxy.url())) {
      CommandResult install = npm.install("acme-billing");
      assertThat(install.succeeded()).as(install::describe).isTrue();
      assertThat(npm.installedVersion("acme-billing")).contains("1.1.0");
      assertThat(npm.install("acme-billing@99.0.0").succeeded()).isFalse();
    }
    assertThat(upstream.requests()).noneMatch(r -> r.decodedPath().contains("acme"));
  }
}
