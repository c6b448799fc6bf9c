package dev.lazaret.proxy.cli;

import dev.lazaret.policy.Decisions;
import dev.lazaret.policy.Evidence;
import dev.lazaret.policy.Quarantine;
import dev.lazaret.policy.Verdict;
import dev.lazaret.policy.content.CodeScanner;
import dev.lazaret.policy.content.ContentFacts;
import dev.lazaret.proxy.inspect.ContentAnalysis;
import dev.lazaret.proxy.inspect.InspectionLimits;
import dev.lazaret.proxy.inspect.TarballInspector;
import dev.lazaret.proxy.inspect.Unpacked;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

/**
 * Inspects a release's tarball against its previous release's and judges it with the default
 * quarantine, as the proxy would when the version appears: the path {@code lazaret inspect} and
 * the detection corpus (bench/detect) share, so what the corpus measures is what the command
 * shows.
 */
public final class ReleaseJudge {

  private final TarballInspector inspector = new TarballInspector(InspectionLimits.defaults());
  private final ContentAnalysis analysis = new ContentAnalysis(new CodeScanner()::scan);

  /**
   * What judging one release found.
   *
   * @param before  the previous release's tarball, or {@code null} for a first release
   * @param after   the judged release's tarball
   * @param content the content facts compared with the previous release
   * @param verdict the quarantine's verdict for the judged version, or {@code null} when no
   *                facts were given
   */
  public record Result(Unpacked before, Unpacked after, ContentFacts content, Verdict verdict) {

    /** How the verdict reads in a report: risky, blocked, held or allowed. */
    public String outcome() {
      return switch (verdict) {
        case null -> "not judged";
        case Verdict.Hold h when h.flagged() -> "risky";
        case Verdict.Hold h -> "held";
        case Verdict.Block b -> "blocked";
        case Verdict.Allow a -> "allowed";
      };
    }

    /** Whether the quarantine judged the release risky: held for analysts, or blocked. */
    public boolean risky() {
      return verdict instanceof Verdict.Hold h && h.flagged() || verdict instanceof Verdict.Block;
    }
  }

  /** The inspection of one tarball, without comparing or judging. */
  public Unpacked inspect(byte[] tgz) {
    return inspector.inspect(tgz);
  }

  /**
   * Inspects {@code after} (and {@code before}, null for none), compares them, and judges the
   * version {@code facts} names at {@code at}; with no facts, only inspects and compares.
   */
  public Result judge(byte[] before, byte[] after, ReleaseFacts facts, Instant at) {
    return judge(before == null ? null : inspector.inspect(before), inspector.inspect(after),
        facts, at);
  }

  /** The inspection of the tarball read from {@code tgz} (not closed), within the caps. */
  public Unpacked inspect(InputStream tgz) {
    return inspector.inspect(tgz);
  }

  /**
   * Compares two inspections ({@code old} null for a first release) and judges as
   * {@link #judge(byte[], byte[], ReleaseFacts, Instant)} does.
   */
  public Result judge(Unpacked old, Unpacked now, ReleaseFacts facts, Instant at) {
    String previous = facts != null ? facts.previous()
        : old != null && old.inspection().manifest() != null
            ? old.inspection().manifest().version() : null;
    ContentFacts content = analysis.analyze(previous, old, now,
        facts == null ? ContentAnalysis.Dependencies.unknown() : facts.dependencyStandings(at));
    if (facts == null) {
      return new Result(old, now, content, null);
    }
    Quarantine quarantine = Quarantine.builder(Clock.fixed(at, ZoneOffset.UTC)).build();
    Evidence evidence = new Evidence(facts.publisherEvidence(at), Evidence.none().advisories())
        .withContents(Map.of(facts.judged(), content), Set.of());
    Verdict verdict = quarantine.judge(facts.packageFacts(at,
            old == null ? null : old.inspection(), now.inspection()), evidence, Decisions.none())
        .of(facts.judged());
    return new Result(old, now, content, verdict);
  }
}
