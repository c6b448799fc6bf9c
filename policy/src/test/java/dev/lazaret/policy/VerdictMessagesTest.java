package dev.lazaret.policy;

import static dev.lazaret.policy.Fixtures.NOW;
import static dev.lazaret.policy.Fixtures.ago;
import static dev.lazaret.policy.Fixtures.clockAt;
import static dev.lazaret.policy.Fixtures.seenFor;
import static dev.lazaret.policy.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class VerdictMessagesTest {

  private final Quarantine quarantine = Quarantine.builder(clockAt(NOW)).build();

  @Test
  void heldVersionMessageNamesTheSignals() {
    PackageFacts facts = PackageFacts.builder("pkg").created(ago(Duration.ofHours(2)))
        .version(version("1.2.3", Duration.ofHours(2), "d4ugwerp").build()).build();
    PackageVerdict verdict = quarantine.judge(facts, Evidence.of(Advisories.clean(),
        seenFor("d4ugwerp", Duration.ofHours(2), 1)), Decisions.none());
    String message = VerdictMessages.held("pkg", "1.2.3", (Verdict.Hold) verdict.of("1.2.3"));
    assertThat(message).isEqualTo("pkg@1.2.3 is held until 2026-12-08T08:00:00Z: published 2 h"
        + " ago by 'd4ugwerp', an account first seen 2 h ago, whose name looks"
        + " machine-generated, in a package created 2 h ago; ask your security team to review"
        + " it");
    assertThat(VerdictMessages.nothingAllowed("pkg", verdict)).startsWith(
        "pkg has no version you may install yet: the first to be released is 1.2.3 at"
        + " 2026-12-08T08:00:00Z (published 2 h ago by 'd4ugwerp'");
  }

  @Test
  void baseCooldownMessageSaysItIsRoutine() {
    PackageFacts facts = PackageFacts.builder("pkg").created(ago(Duration.ofDays(900)))
        .version(version("1.0.0", Duration.ofDays(900), "alice").build())
        .version(version("1.0.1", Duration.ofHours(1), "alice").build()).build();
    Verdict.Hold hold = (Verdict.Hold) quarantine.judge(facts).of("1.0.1");
    assertThat(VerdictMessages.held("pkg", "1.0.1", hold)).isEqualTo("pkg@1.0.1 is held until"
        + " 2026-12-02T09:00:00Z: published 1 h ago by 'alice' and new versions wait before they"
        + " are served; ask your security team to approve it if you need it sooner");
  }

  @Test
  void rejectionMessageNamesTheAnalyst() {
    PackageFacts facts = PackageFacts.builder("pkg")
        .version(version("1.0.0", Duration.ofDays(9), "alice").build()).build();
    Verdict v = quarantine.judge(facts, Evidence.of(Advisories.clean()), Decisions.of(
        AnalystDecision.reject("pkg", "1.0.0", "sam", ago(Duration.ofMinutes(90)),
            "steals npm tokens"))).of("1.0.0");
    assertThat(VerdictMessages.refusal("pkg", "1.0.0", v)).contains("pkg@1.0.0 is blocked and"
        + " will not be served: Rejected by analyst sam 1 h 30 min ago (2026-12-01 08:30:00"
        + " UTC): \"steals npm tokens\".");
  }

  @Test
  void withTheClockTimesReadRelativeThenUtc() {
    PackageFacts facts = PackageFacts.builder("pkg").created(ago(Duration.ofHours(2)))
        .version(version("1.2.3", Duration.ofHours(2), "d4ugwerp").build()).build();
    PackageVerdict verdict = quarantine.judge(facts, Evidence.of(Advisories.clean(),
        seenFor("d4ugwerp", Duration.ofHours(2), 1)), Decisions.none());
    Verdict.Hold hold = (Verdict.Hold) verdict.of("1.2.3");
    assertThat(VerdictMessages.held("pkg", "1.2.3", hold, NOW)).startsWith("pkg@1.2.3 is held,"
        + " released in 6 days (2026-12-08 08:00:00 UTC): published 2 h ago by 'd4ugwerp'");
    assertThat(VerdictMessages.refusal("pkg", "1.2.3", hold, NOW))
        .contains(VerdictMessages.held("pkg", "1.2.3", hold, NOW));
    assertThat(VerdictMessages.nothingAllowed("pkg", verdict, NOW)).startsWith("pkg has no"
        + " version you may install yet: the first to be released is 1.2.3, in 6 days"
        + " (2026-12-08 08:00:00 UTC): published 2 h ago by 'd4ugwerp'")
        .endsWith("; ask your security team to review it");
  }

  @Test
  void rulesAndDecisionsInReasonsShowTheirTimesRelativeToNow() {
    PackageFacts facts = PackageFacts.builder("pkg").created(ago(Duration.ofDays(900)))
        .version(version("1.0.0", Duration.ofDays(900), "alice").build())
        .version(version("1.0.1", Duration.ofHours(1), "alice").build()).build();
    Verdict trusted = Quarantine.builder(clockAt(NOW)).rules(Rules.of(Rule.trust(
        RuleTarget.publisher("alice"), "core").until(NOW.plus(Duration.ofHours(3))))).build()
        .judge(facts).of("1.0.1");
    assertThat(trusted.reasons().getFirst()).isEqualTo("Trust rule for publisher 'alice'"
        + " (expires in 3 h (2026-12-01 13:00:00 UTC)): core; the base cooldown is skipped.");
    assertThat(Rule.deny(RuleTarget.publisher("x"), "").until(NOW).describe())
        .isEqualTo("Deny rule for publisher 'x' (until 2026-12-01 10:00:00 UTC)");
  }

  @Test
  void aRiskyVersionPastItsCooldownSaysWhenItEnded() {
    PackageFacts facts = PackageFacts.builder("helper").created(ago(Duration.ofDays(9)))
        .version(version("1.0.0", Duration.ofDays(9), "d4ugwerp").build()).build();
    Verdict v = quarantine.judge(facts, Evidence.of(Advisories.clean(),
        seenFor("d4ugwerp", Duration.ofDays(9), 1)), Decisions.none()).of("1.0.0");
    assertThat(v.allowed()).isTrue();
    assertThat(v.reasons()).contains("The risky cooldown ended 2 days ago (2026-11-29 10:00:00"
        + " UTC).");
  }

  @Test
  void allowedVersionHasNoRefusal() {
    assertThat(VerdictMessages.refusal("pkg", "1.0.0", Verdict.Allow.PLAIN)).isEmpty();
  }
}
