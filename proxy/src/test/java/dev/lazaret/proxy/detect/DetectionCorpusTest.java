package dev.lazaret.proxy.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.Verdict;
import dev.lazaret.proxy.cli.ReleaseJudge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 13's acceptance, measured on the corpus in bench/detect/corpus: every release modelled
 * on a public incident is held as risky with a reason naming what changed; at most 2% of benign
 * releases of the same shapes are risky; archive bombs and malformed tarballs are held with the
 * inspection failure as the reason, and judging them does not throw. Every case is packed,
 * inspected, compared with its previous release and judged by the default quarantine, exactly as
 * {@code lazaret inspect} does; the table of every verdict goes to standard output and to
 * target/detect-report.md.
 */
class DetectionCorpusTest {

  /** The judging instant every case's relative times count back from. */
  static final Instant JUDGED_AT = Instant.parse("2025-06-01T12:00:00Z");
  /** The bound on benign releases judged risky. */
  static final double MAX_BENIGN_RISKY_SHARE = 0.02;

  private static List<Judged> judged;

  /** One case and what judging it gave. */
  record Judged(CorpusCase c, ReleaseJudge.Result result, String error) {

    String reasons() {
      return result == null ? "" : String.join(" ", result.verdict().reasons());
    }

    boolean mentionsAll() {
      String text = reasons().toLowerCase(Locale.ROOT);
      return c.mentions().stream().allMatch(m -> text.contains(m.toLowerCase(Locale.ROOT)));
    }
  }

  @BeforeAll
  static void judgeEveryCase() throws IOException {
    Path corpus = corpusDir();
    ReleaseJudge judge = new ReleaseJudge();
    judged = new ArrayList<>();
    for (CorpusCase c : CorpusCase.all(corpus)) {
      try {
        ReleaseJudge.Result r = judge.judge(c.beforeTarball(), c.afterTarball(), c.facts(),
            c.facts().judgingInstant(JUDGED_AT));
        judged.add(new Judged(c, r, null));
      } catch (RuntimeException e) {
        // A case that throws is a failure of that case, reported with the others.
        judged.add(new Judged(c, null, e.toString()));
      }
    }
    String report = DetectionReport.markdown(judged);
    System.out.println(report);
    Path target = Path.of("target");
    Files.createDirectories(target);
    Files.writeString(target.resolve("detect-report.md"), report);
  }

  @Test
  void theCorpusHasEveryClassAndAtLeastFiftyBenignCases() {
    assertThat(of(CorpusCase.Kind.INCIDENT)).hasSizeGreaterThanOrEqualTo(8);
    assertThat(of(CorpusCase.Kind.BENIGN)).hasSizeGreaterThanOrEqualTo(50);
    assertThat(of(CorpusCase.Kind.HOSTILE)).hasSizeGreaterThanOrEqualTo(6);
  }

  @TestFactory
  Stream<DynamicTest> everyIncidentIsHeldAsRiskyNamingWhatChanged() {
    return of(CorpusCase.Kind.INCIDENT).stream().map(j -> DynamicTest.dynamicTest(j.c().name(),
        () -> {
          assertThat(j.error()).as("judging threw").isNull();
          assertThat(j.result().verdict()).as("verdict of %s", j.c().name())
              .isInstanceOf(Verdict.Hold.class);
          assertThat(j.result().risky()).as("%s is risky; reasons: %s", j.c().name(),
              j.reasons()).isTrue();
          assertThat(j.mentionsAll()).as("reasons of %s name %s: %s", j.c().name(),
              j.c().mentions(), j.reasons()).isTrue();
        }));
  }

  @Test
  void atMostTwoPercentOfBenignReleasesAreRisky() {
    List<Judged> benign = of(CorpusCase.Kind.BENIGN);
    assertThat(benign).allSatisfy(j -> assertThat(j.error()).as(j.c().name()).isNull());
    List<String> risky = benign.stream().filter(j -> j.result().risky())
        .map(j -> j.c().name() + ": " + j.reasons()).toList();
    assertThat((double) risky.size() / benign.size())
        .as("benign cases judged risky: %s", risky).isLessThanOrEqualTo(MAX_BENIGN_RISKY_SHARE);
  }

  @TestFactory
  Stream<DynamicTest> everyHostileTarballIsHeldWithTheInspectionFailure() {
    return of(CorpusCase.Kind.HOSTILE).stream().map(j -> DynamicTest.dynamicTest(j.c().name(),
        () -> {
          assertThat(j.error()).as("judging threw").isNull();
          assertThat(j.result().content().complete()).as("inspection of %s completed",
              j.c().name()).isFalse();
          assertThat(j.result().verdict()).isInstanceOf(Verdict.Hold.class);
          assertThat(j.mentionsAll()).as("reasons of %s name %s: %s", j.c().name(),
              j.c().mentions(), j.reasons()).isTrue();
        }));
  }

  private static List<Judged> of(CorpusCase.Kind kind) {
    return judged.stream().filter(j -> j.c().kind() == kind).toList();
  }

  /** bench/detect/corpus, found upwards from the working directory (the module's, in Maven). */
  private static Path corpusDir() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path corpus = p.resolve("bench/detect/corpus");
      if (Files.isDirectory(corpus)) {
        return corpus;
      }
    }
    throw new IllegalStateException("no bench/detect/corpus above " + Path.of("").toAbsolutePath());
  }
}
