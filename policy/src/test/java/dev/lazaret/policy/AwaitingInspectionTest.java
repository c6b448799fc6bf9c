package dev.lazaret.policy;

import static dev.lazaret.policy.Fixtures.NOW;
import static dev.lazaret.policy.Fixtures.ago;
import static dev.lazaret.policy.Fixtures.clockAt;
import static dev.lazaret.policy.Fixtures.seenFor;
import static dev.lazaret.policy.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A version whose tarball must be inspected before it is served (issue 13 §2). */
class AwaitingInspectionTest {

  private final Quarantine quarantine = Quarantine.builder(clockAt(NOW)).build();

  private static PackageFacts.Builder established() {
    PackageFacts.Builder b = PackageFacts.builder("left-padder")
        .created(ago(Duration.ofDays(900)));
    for (int i = 0; i < 5; i++) {
      b.version(version("1." + i + ".0", Duration.ofDays(900 - 100L * i), "alice").build());
    }
    return b;
  }

  private static Evidence awaiting(String... versions) {
    return Evidence.of(Advisories.clean(), seenFor("alice", Duration.ofDays(3000), 40))
        .withContents(Map.of(), Set.of(versions));
  }

  @Test
  void aVersionPastItsCooldownWaitsForItsInspectionWithNoEndTime() {
    PackageFacts facts = established()
        .version(version("1.5.0", Duration.ofHours(30), "alice").build()).build();
    PackageVerdict verdict = quarantine.judge(facts, awaiting("1.5.0"), Decisions.none());
    Verdict.Hold hold = (Verdict.Hold) verdict.of("1.5.0");
    assertThat(hold.flagged()).isFalse();
    assertThat(hold.awaitingInspection()).isTrue();
    assertThat(hold.reasons()).containsExactly("Waiting for its tarball to be inspected.");
    assertThat(hold.until()).isEqualTo(NOW);
    assertThat(verdict.validUntil()).isEmpty();
    assertThat(VerdictMessages.held("left-padder", "1.5.0", hold)).isEqualTo("left-padder@1.5.0"
        + " is held: its tarball is being inspected for suspicious code before it is served;"
        + " try again in a minute");
    assertThat(verdict.of("1.4.0").allowed()).isTrue();
  }

  @Test
  void onceInspectedItIsServed() {
    PackageFacts facts = established()
        .version(version("1.5.0", Duration.ofHours(30), "alice").build()).build();
    Evidence inspected = awaiting().withContents(
        Map.of("1.5.0", Contents.since("1.4.0").build()), Set.of());
    assertThat(quarantine.judge(facts, inspected, Decisions.none()).of("1.5.0").allowed())
        .isTrue();
  }

  @Test
  void aVersionWithNoPublishTimeWaitsToo() {
    PackageFacts facts = established()
        .version(VersionFacts.builder("1.5.0").publisher("alice").build()).build();
    Verdict v = quarantine.judge(facts, awaiting("1.5.0"), Decisions.none()).of("1.5.0");
    assertThat(v).isInstanceOfSatisfying(Verdict.Hold.class,
        h -> assertThat(h.awaitingInspection()).isTrue());
  }

  @Test
  void duringItsCooldownTheCooldownHoldStandsAndBoundsValidity() {
    PackageFacts facts = established()
        .version(version("1.5.0", Duration.ofHours(2), "alice").build()).build();
    PackageVerdict verdict = quarantine.judge(facts, awaiting("1.5.0"), Decisions.none());
    Verdict.Hold hold = (Verdict.Hold) verdict.of("1.5.0");
    assertThat(hold.awaitingInspection()).isFalse();
    assertThat(hold.until()).isEqualTo(ago(Duration.ofHours(2)).plus(Duration.ofHours(24)));
    assertThat(verdict.validUntil()).contains(hold.until());
  }

  @Test
  void aRiskyVersionPastItsRiskyCooldownWaitsToo() {
    PackageFacts facts = established().version(Fixtures.withPostinstall(
        version("1.5.0", Duration.ofDays(8), "mallory1")).build()).build();
    Verdict v = quarantine.judge(facts, awaiting("1.5.0"), Decisions.none()).of("1.5.0");
    assertThat(v).isInstanceOfSatisfying(Verdict.Hold.class,
        h -> assertThat(h.awaitingInspection()).isTrue());
  }

  @Test
  void analystDecisionsAndRulesComeFirst() {
    PackageFacts facts = established()
        .version(version("1.5.0", Duration.ofHours(30), "alice").build()).build();
    Evidence e = awaiting("1.5.0");
    assertThat(quarantine.judge(facts, e, Decisions.of(AnalystDecision.approve("left-padder",
        "1.5.0", "sam", NOW, "read it"))).of("1.5.0").allowed()).isTrue();
    assertThat(Quarantine.builder(clockAt(NOW))
        .rules(Rules.of(Rule.deny(RuleTarget.packageName("left-padder"), "no"))).build()
        .judge(facts, e, Decisions.none()).of("1.5.0")).isInstanceOf(Verdict.Block.class);
  }

  @Test
  void aTrustRuleSkipsTheWaitAsItSkipsTheBaseCooldownUntilItExpires() {
    PackageFacts facts = established()
        .version(version("1.5.0", Duration.ofHours(30), "alice").build()).build();
    Instant expiry = NOW.plus(Duration.ofHours(3));
    PackageVerdict verdict = Quarantine.builder(clockAt(NOW))
        .rules(Rules.of(Rule.trust(RuleTarget.packageName("left-padder"), "ours").until(expiry)))
        .build().judge(facts, awaiting("1.5.0"), Decisions.none());
    assertThat(verdict.of("1.5.0").allowed()).isTrue();
    assertThat(verdict.of("1.5.0").reasons().getFirst())
        .endsWith("; the wait for its inspection is skipped.");
    assertThat(verdict.validUntil()).contains(expiry);
  }

  @Test
  void theMessageWhenNothingIsInstallableSaysItIsBeingInspected() {
    PackageFacts facts = PackageFacts.builder("solo").created(ago(Duration.ofDays(30)))
        .version(version("1.0.0", Duration.ofDays(30), "alice").build()).build();
    PackageVerdict verdict = quarantine.judge(facts, awaiting("1.0.0"), Decisions.none());
    assertThat(VerdictMessages.nothingAllowed("solo", verdict)).isEqualTo("solo has no version"
        + " you may install yet: the tarball of 1.0.0 is being inspected for suspicious code"
        + " before it is served; try again in a minute");
  }
}
