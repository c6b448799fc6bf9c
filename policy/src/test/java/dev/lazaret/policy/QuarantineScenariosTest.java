package dev.lazaret.policy;

import static dev.lazaret.policy.Fixtures.NOW;
import static dev.lazaret.policy.Fixtures.ago;
import static dev.lazaret.policy.Fixtures.clockAt;
import static dev.lazaret.policy.Fixtures.seenFor;
import static dev.lazaret.policy.Fixtures.version;
import static dev.lazaret.policy.Fixtures.withPostinstall;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The scenarios the quarantine exists for, judged with a stopped clock. */
class QuarantineScenariosTest {

  private final Quarantine quarantine = Quarantine.builder(clockAt(NOW)).build();

  /** An established package: same maintainer for years, a release every 60 days. */
  private static PackageFacts.Builder established(String name, String maintainer) {
    PackageFacts.Builder b = PackageFacts.builder(name).created(ago(Duration.ofDays(1500)));
    for (int i = 0; i < 20; i++) {
      b.version(version("1." + i + ".0", Duration.ofDays(1500 - 60L * i), maintainer)
          .provenance(false).build());
    }
    return b;
  }

  private static Evidence evidence(PublisherEvidence... publishers) {
    return Evidence.of(Advisories.clean(), publishers);
  }

  @Test
  void a_newPackagesFromFreshRandomNamedAccountsAreAllHeld() {
    Random random = new Random(42);
    String alnum = "abcdefghijklmnopqrstuvwxyz0123456789";
    List<String> names = new ArrayList<>(List.of("5t7crz72", "d4ugwerp"));
    while (names.size() < 20) {
      StringBuilder s = new StringBuilder();
      for (int i = 0, n = 6 + random.nextInt(5); i < n; i++) {
        s.append(alnum.charAt(random.nextInt(alnum.length())));
      }
      names.add(s.toString());
    }
    for (int i = 0; i < names.size(); i++) {
      String account = names.get(i);
      // published between 3 minutes and 2 days ago; the account appeared just before
      Duration age = Duration.ofMinutes(3 + (2L * 24 * 60 - 3) * i / (names.size() - 1));
      VersionFacts.Builder v = version("1.0.0", age, account).fileCount(2).unpackedSize(800);
      if (i % 3 == 0) {
        v.scripts(Map.of("preinstall", "node index.js"));
      }
      PackageFacts facts = PackageFacts.builder("helper-lib-" + i).created(ago(age))
          .version(v.build()).build();
      PackageVerdict verdict = quarantine.judge(facts,
          evidence(seenFor(account, age.plusMinutes(5), 1)), Decisions.none());
      assertThat(verdict.of("1.0.0")).as(account).isInstanceOf(Verdict.Hold.class);
      Verdict.Hold hold = (Verdict.Hold) verdict.of("1.0.0");
      assertThat(hold.flagged()).isTrue();
      assertThat(hold.until()).isEqualTo(ago(age).plus(Duration.ofDays(7)));
      assertThat(verdict.validUntil()).contains(hold.until());
    }
  }

  @Test
  void b_establishedPackageNewestVersionHeldByBaseCooldownOlderAllowed() {
    PackageFacts facts = established("left-padder", "alice")
        .version(version("2.0.0", Duration.ofDays(3), "alice").build())
        .version(version("2.0.1", Duration.ofHours(1), "alice").build()).build();
    PackageVerdict verdict = quarantine.judge(facts,
        evidence(seenFor("alice", Duration.ofDays(3000), 40)), Decisions.none());
    assertThat(verdict.of("2.0.0").allowed()).isTrue();
    Verdict.Hold hold = (Verdict.Hold) verdict.of("2.0.1");
    assertThat(hold.flagged()).isFalse();
    assertThat(hold.until()).isEqualTo(ago(Duration.ofHours(1)).plus(Duration.ofHours(24)));
    assertThat(verdict.validUntil()).contains(hold.until());
  }

  @Test
  void c_newAccountAddingPostinstallToEstablishedPackageIsRisky() {
    PackageFacts facts = established("left-padder", "alice")
        .version(withPostinstall(version("1.20.0", Duration.ofHours(30), "mallory1")).build())
        .build();
    PackageVerdict verdict = quarantine.judge(facts, evidence(
        seenFor("alice", Duration.ofDays(3000), 40),
        seenFor("mallory1", Duration.ofHours(31), 1)), Decisions.none());
    Verdict.Hold hold = (Verdict.Hold) verdict.of("1.20.0");
    assertThat(hold.flagged()).isTrue();
    assertThat(hold.until()).isEqualTo(ago(Duration.ofHours(30)).plus(Duration.ofDays(7)));
    assertThat(hold.reasons()).anyMatch(r -> r.startsWith("Risky: a fresh account"))
        .anyMatch(r -> r.contains("neither published nor maintained the previous version"));
    assertThat(verdict.verdicts()).hasSize(21);
    facts.versions().stream().filter(v -> !v.version().equals("1.20.0"))
        .forEach(v -> assertThat(verdict.of(v.version()).allowed()).isTrue());
  }

  @Test
  void c_withoutEvidenceAboutTheNewAccountTheTakeoverAloneMakesItRisky() {
    PackageFacts facts = established("left-padder", "alice")
        .version(withPostinstall(version("1.20.0", Duration.ofHours(30), "mallory1")).build())
        .build();
    Verdict.Hold hold = (Verdict.Hold) quarantine.judge(facts, evidence(), Decisions.none())
        .of("1.20.0");
    assertThat(hold.flagged()).isTrue();
    assertThat(hold.reasons().get(0)).isEqualTo("Risky: a new publisher adding install scripts.");
  }

  @Test
  void d_aHoldEndsExactlyAtItsTime() {
    PackageFacts facts = established("left-padder", "alice")
        .version(version("2.0.1", Duration.ofHours(1), "alice").build()).build();
    Evidence e = evidence(seenFor("alice", Duration.ofDays(3000), 40));
    Instant until = ((Verdict.Hold) quarantine.judge(facts, e, Decisions.none()).of("2.0.1"))
        .until();
    Verdict before = Quarantine.builder(clockAt(until.minusNanos(1))).build()
        .judge(facts, e, Decisions.none()).of("2.0.1");
    PackageVerdict at = Quarantine.builder(clockAt(until)).build()
        .judge(facts, e, Decisions.none());
    assertThat(before).isInstanceOf(Verdict.Hold.class);
    assertThat(at.of("2.0.1").allowed()).isTrue();
    assertThat(at.validUntil()).isEmpty();
  }

  @Test
  void d_aRiskyHoldAlsoEndsExactlyAtItsTimeEvenAfterTheAccountMatures() {
    PackageFacts facts = PackageFacts.builder("helper").created(ago(Duration.ofHours(1)))
        .version(version("1.0.0", Duration.ofHours(1), "d4ugwerp").build()).build();
    Evidence e = evidence(seenFor("d4ugwerp", Duration.ofHours(2), 1));
    Instant until = ((Verdict.Hold) quarantine.judge(facts, e, Decisions.none()).of("1.0.0"))
        .until();
    assertThat(Quarantine.builder(clockAt(until.minusNanos(1))).build()
        .judge(facts, e, Decisions.none()).of("1.0.0")).isInstanceOf(Verdict.Hold.class);
    assertThat(Quarantine.builder(clockAt(until)).build()
        .judge(facts, e, Decisions.none()).of("1.0.0").allowed()).isTrue();
  }

  @Nested
  class E_rulesAndDecisions {

    private final PackageFacts facts = established("left-padder", "alice")
        .version(version("2.0.1", Duration.ofHours(1), "alice").build()).build();
    private final Evidence e = evidence(seenFor("alice", Duration.ofDays(3000), 40));

    private Verdict judge(Rules rules, Decisions decisions, String version) {
      return Quarantine.builder(clockAt(NOW)).rules(rules).build()
          .judge(facts, e, decisions).of(version);
    }

    @Test
    void trustRuleSkipsTheBaseCooldown() {
      Verdict v = judge(Rules.of(Rule.trust(RuleTarget.publisher("alice"), "core team")),
          Decisions.none(), "2.0.1");
      assertThat(v.allowed()).isTrue();
      assertThat(v.reasons().get(0)).contains("Trust rule for publisher 'alice'");
    }

    @Test
    void scopeAndPackageTrustRulesApplyToo() {
      assertThat(judge(Rules.of(Rule.trust(RuleTarget.packageName("left-padder"), "")),
          Decisions.none(), "2.0.1").allowed()).isTrue();
      assertThat(judge(Rules.of(Rule.trust(RuleTarget.scope("@acme"), "")),
          Decisions.none(), "2.0.1").allowed()).isFalse();
    }

    @Test
    void expiredTrustRuleNoLongerApplies() {
      Rule expired = Rule.trust(RuleTarget.publisher("alice"), "").until(NOW);
      assertThat(judge(Rules.of(expired), Decisions.none(), "2.0.1"))
          .isInstanceOf(Verdict.Hold.class);
    }

    @Test
    void trustRuleExpiringDuringTheHoldBoundsValidity() {
      Instant expiry = NOW.plus(Duration.ofHours(2));
      PackageVerdict verdict = Quarantine.builder(clockAt(NOW))
          .rules(Rules.of(Rule.trust(RuleTarget.publisher("alice"), "").until(expiry))).build()
          .judge(facts, e, Decisions.none());
      assertThat(verdict.of("2.0.1").allowed()).isTrue();
      assertThat(verdict.validUntil()).contains(expiry);
    }

    @Test
    void denyRuleBlocks() {
      Verdict v = judge(Rules.of(Rule.deny(RuleTarget.version("left-padder", "1.3.0"),
          "broken build")), Decisions.none(), "1.3.0");
      assertThat(v).isInstanceOf(Verdict.Block.class);
      assertThat(v.reasons().get(0)).contains("broken build");
    }

    @Test
    void analystApprovalOverridesARiskyHold() {
      PackageFacts risky = PackageFacts.builder("helper").created(ago(Duration.ofHours(1)))
          .version(version("1.0.0", Duration.ofHours(1), "d4ugwerp").build()).build();
      Evidence fresh = evidence(seenFor("d4ugwerp", Duration.ofHours(2), 1));
      Decisions approve = Decisions.of(AnalystDecision.approve("helper", "1.0.0", "sam", NOW,
          "reviewed the tarball"));
      assertThat(quarantine.judge(risky, fresh, Decisions.none()).of("1.0.0"))
          .isInstanceOf(Verdict.Hold.class);
      Verdict v = quarantine.judge(risky, fresh, approve).of("1.0.0");
      assertThat(v.allowed()).isTrue();
      assertThat(v.signals()).isNotEmpty();
    }

    @Test
    void analystRejectionBlocksAndSaysSo() {
      Verdict v = judge(Rules.none(), Decisions.of(AnalystDecision.reject("left-padder", "1.3.0",
          "sam", NOW, "exfiltrates tokens")), "1.3.0");
      assertThat(v).isInstanceOf(Verdict.Block.class);
      assertThat(v.reasons().get(0)).contains("Rejected by analyst sam").contains("exfiltrates");
    }
  }

  @Test
  void f_malwareAdvisoryBlocks() {
    PackageFacts facts = established("left-padder", "alice").build();
    PackageVerdict verdict = quarantine.judge(facts, Evidence.of(
        Advisories.checked(Map.of("1.3.0", List.of("MAL-2026-77"))),
        seenFor("alice", Duration.ofDays(3000), 40)), Decisions.none());
    assertThat(verdict.of("1.3.0")).isInstanceOf(Verdict.Block.class);
    assertThat(verdict.of("1.3.0").reasons()).containsExactly(
        "Malware advisory MAL-2026-77 lists this version.");
    assertThat(verdict.of("1.4.0").allowed()).isTrue();
  }

  @Test
  void f_skippedAdvisoryLookupIsStatedInEveryVerdict() {
    PackageFacts facts = established("left-padder", "alice").build();
    PackageVerdict verdict = quarantine.judge(facts, Evidence.of(
        Advisories.skipped("advisory service unreachable")), Decisions.none());
    assertThat(verdict.verdicts().values()).allSatisfy(v -> assertThat(v.reasons())
        .contains("The malware advisory lookup was skipped: advisory service unreachable."));
  }

  @Test
  void protectedNameFromTheWrongUpstreamIsBlockedEvenIfApproved() {
    Quarantine q = Quarantine.builder(clockAt(NOW))
        .protectedNames(ProtectedNames.builder().protect("@acme/*", "internal").build()).build();
    PackageFacts facts = PackageFacts.builder("@acme/billing").upstream("public")
        .version(version("99.0.0", Duration.ofDays(30), "x").build()).build();
    Verdict v = q.judge(facts, Evidence.none(), Decisions.of(AnalystDecision.approve(
        "@acme/billing", "99.0.0", "sam", NOW, ""))).of("99.0.0");
    assertThat(v).isInstanceOf(Verdict.Block.class);
    assertThat(v.reasons().get(0)).contains("dependency confusion");
  }

  @Test
  void g_aTinyLongStandingPackageRunningTheSamePostinstallIsOnlyInItsBaseCooldown() {
    // Issue 13: it was held 7 days as "a tiny package that runs install scripts" although
    // nothing had changed in years; a tiny package that just added its postinstall still is.
    PackageFacts.Builder b = PackageFacts.builder("tiny-hook").created(ago(Duration.ofDays(900)));
    for (int i = 0; i < 6; i++) {
      b.version(withPostinstall(version("1." + i + ".0", Duration.ofDays(900 - 150L * i),
          "alice")).fileCount(2).unpackedSize(900).build());
    }
    PackageFacts facts = b.version(withPostinstall(version("1.6.0", Duration.ofHours(2),
        "alice")).fileCount(2).unpackedSize(900).build()).build();
    Evidence e = evidence(seenFor("alice", Duration.ofDays(3000), 10));
    Verdict.Hold hold = (Verdict.Hold) quarantine.judge(facts, e, Decisions.none()).of("1.6.0");
    assertThat(hold.flagged()).isFalse();
    assertThat(hold.until()).isEqualTo(ago(Duration.ofHours(2)).plus(Duration.ofHours(24)));

    PackageFacts added = PackageFacts.builder("tiny-hook").created(ago(Duration.ofDays(900)))
        .version(version("1.0.0", Duration.ofDays(900), "alice").fileCount(2).unpackedSize(900)
            .build())
        .version(withPostinstall(version("1.1.0", Duration.ofHours(2), "alice")).fileCount(2)
            .unpackedSize(900).build()).build();
    assertThat(((Verdict.Hold) quarantine.judge(added, e, Decisions.none()).of("1.1.0"))
        .flagged()).isTrue();
  }

  @Test
  void sameInputsSameVerdict() {
    PackageFacts facts = established("left-padder", "alice")
        .version(withPostinstall(version("1.20.0", Duration.ofHours(30), "mallory1")).build())
        .build();
    Evidence e = evidence(seenFor("mallory1", Duration.ofHours(31), 1));
    assertThat(quarantine.judge(facts, e, Decisions.none()))
        .isEqualTo(quarantine.judge(facts, e, Decisions.none()));
  }

  @Test
  void allowAllStillServesEverything() {
    PackageFacts facts = new PackageFacts("p", List.of(new VersionFacts("1.0.0", NOW, "x")));
    assertThat(Policy.allowAll().judge(facts).of("1.0.0").allowed()).isTrue();
  }
}
