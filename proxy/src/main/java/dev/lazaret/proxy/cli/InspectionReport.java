package dev.lazaret.proxy.cli;

import dev.lazaret.policy.SignalId;
import dev.lazaret.policy.content.CodeFinding;
import dev.lazaret.policy.content.ContentFacts;
import dev.lazaret.proxy.inspect.Inspection;
import dev.lazaret.proxy.inspect.Unpacked;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;

/**
 * Prints what {@code lazaret inspect} found, a fact a line: the line prefixes
 * ({@code package:}, {@code verdict:}, {@code reason:} ...) are stable so scripts can grep them.
 */
final class InspectionReport {

  /** Changed files listed; a release touching thousands of files gets a count past this. */
  static final int MAX_FILES_LISTED = 200;

  private final PrintWriter out;

  InspectionReport(PrintWriter out) {
    this.out = out;
  }

  void print(String file, String previousFile, ReleaseJudge.Result result, Instant at) {
    out.println("package: " + describe(file, result.after()));
    out.println("previous: " + (previousFile == null ? "none (every file counts as added)"
        : describe(previousFile, result.before())));
    ContentFacts c = result.content();
    out.println("inspection: " + (c.complete() ? "complete" : "failed: " + c.failure()));
    if (result.before() != null && !result.before().inspection().complete()) {
      out.println("inspection of previous: failed: " + result.before().inspection().incomplete());
    }
    out.println("install scripts: " + scripts(c.installScripts())
        + (c.previousInstallScripts().equals(c.installScripts()) ? " (unchanged)"
        : " (previous: " + scripts(c.previousInstallScripts()) + ")"));
    for (ContentFacts.AddedDependency d : c.addedDependencies()) {
      out.println("dependency added: " + d.name() + "@" + d.range() + " (created "
          + (d.created() == null ? "unknown" : d.created()) + (d.held() ? ", held" : "")
          + (d.risky() ? ", risky" : "") + ")");
    }
    c.addedNativeBinaries().forEach(b -> out.println("native binary added: " + b));
    out.println("files added or changed: " + c.changed().size());
    int listed = 0;
    for (ContentFacts.ChangedFile f : c.changed()) {
      if (listed++ == MAX_FILES_LISTED) {
        out.println("  ... " + (c.changed().size() - MAX_FILES_LISTED) + " more");
        break;
      }
      out.println("  " + f.change().name().toLowerCase(java.util.Locale.ROOT) + " " + f.path()
          + " (" + (f.change() == ContentFacts.Change.ADDED ? f.size() + " bytes"
          : f.previousSize() + " -> " + f.size() + " bytes")
          + (f.runAtInstall() ? ", runs at install" : "")
          + (f.scanned() ? "" : ", not scanned: " + f.notScanned()) + ")");
    }
    out.println("findings: " + c.findings().size());
    for (CodeFinding finding : c.findings()) {
      out.println("finding: " + finding.kind() + " " + finding.path() + ":" + finding.line()
          + " " + finding.excerpt().replaceAll("\\s+", " "));
    }
    if (result.verdict() == null) {
      out.println("verdict: not judged (no --facts)");
      return;
    }
    out.println("verdict: " + result.outcome() + " (as of " + at + ")");
    out.println("signals fired: " + result.verdict().signals().stream()
        .filter(r -> r.fired() && r.id() != SignalId.RELEASE_AGE)
        .map(r -> r.id().name()).reduce((a, b) -> a + ", " + b).orElse("none"));
    result.verdict().reasons().forEach(r -> out.println("reason: " + r));
  }

  private static String describe(String file, Unpacked unpacked) {
    Inspection i = unpacked.inspection();
    Inspection.Manifest m = i.manifest();
    String id = m == null ? "no package.json" : m.name() + "@" + m.version();
    long bytes = i.files().stream().mapToLong(Inspection.FileEntry::size).sum();
    return id + " from " + file + ", " + i.files().size() + " files, " + bytes + " bytes";
  }

  private static String scripts(Map<String, String> scripts) {
    if (scripts.isEmpty()) {
      return "none";
    }
    StringBuilder b = new StringBuilder();
    new java.util.TreeMap<>(scripts).forEach((hook, command) ->
        b.append(b.isEmpty() ? "" : "; ").append(hook).append(" = ").append(command));
    return b.toString();
  }
}
