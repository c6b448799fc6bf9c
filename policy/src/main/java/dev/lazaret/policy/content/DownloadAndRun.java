package dev.lazaret.policy.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Running what was just downloaded or decoded: a download piped into a shell ({@code curl ... |
 * sh}, {@code iwr ... | iex}), a child process given a download command or decoded text, or a
 * file that downloads something and then makes a file executable ({@code chmod +x},
 * {@code fs.chmodSync}) or hands it to {@code regsvr32}/{@code rundll32}/{@code Start-Process}.
 */
final class DownloadAndRun implements Detector {

  /** What, after a download on the same line, runs it. */
  private static final List<String> RUNNERS_AFTER = List.of("| sh", "|sh", "| bash", "|bash",
      "| sudo", "| node", "| python", "| iex", "|iex", "| Invoke-Expression", "&& chmod",
      "; chmod", "&& ./", "; ./", "&& sh ", "&& bash ", "regsvr32", "rundll32",
      "Start-Process");
  /** What, before a download on the same line, runs its output. */
  private static final List<String> RUNNERS_BEFORE = List.of("sh -c", "bash -c", "bash <(",
      "sh <(", "iex(", "iex (", "IEX(", "IEX (", "Invoke-Expression", "eval \"$(", "eval $(");
  /** Child-process calls, judged by what they are given. */
  private static final List<String> CHILD_PROCESSES = List.of("exec(", "execSync(", "spawn(",
      "spawnSync(", "execFile(", "execFileSync(");
  /** What makes a downloaded file runnable, or runs it as a library. */
  private static final List<String> MAKE_RUNNABLE = List.of("chmod +x", "chmod 7", "chmodSync(",
      "chmod(", "regsvr32", "rundll32", "Start-Process");
  /** Characters of a line read around a match. */
  private static final int REACH = 400;

  @Override
  public List<CodeFinding> detect(SourceText text, Set<CodeFinding.Kind> foundSoFar) {
    List<CodeFinding> out = new ArrayList<>();
    for (String tool : NetworkCalls.DOWNLOADERS) {
      for (int at : text.find(tool)) {
        if (SourceText.holdsAny(text.after(at, REACH), RUNNERS_AFTER)
            || SourceText.holdsAny(text.before(at, REACH), RUNNERS_BEFORE)) {
          out.add(text.finding(CodeFinding.Kind.DOWNLOAD_AND_RUN, at));
        }
      }
    }
    if (text.language() == Language.JAVASCRIPT) {
      for (String call : CHILD_PROCESSES) {
        for (int at : text.find(call)) {
          String args = text.arguments(at + call.length(), REACH);
          if (SourceText.holdsAny(args, NetworkCalls.DOWNLOADERS) || Decoding.decodes(args)) {
            out.add(text.finding(CodeFinding.Kind.DOWNLOAD_AND_RUN, at));
          }
        }
      }
    }
    // A shell script that downloads and makes a file executable runs it next; a JavaScript
    // file must also start a child process (a library that downloads and chmods a binary for
    // later, like a browser fetcher, does not).
    boolean runs = text.language() == Language.SHELL || text.first(CHILD_PROCESSES) >= 0;
    if (foundSoFar.contains(CodeFinding.Kind.NETWORK_CALL) && runs) {
      int at = text.first(MAKE_RUNNABLE);
      if (at >= 0) {
        out.add(text.finding(CodeFinding.Kind.DOWNLOAD_AND_RUN, at));
      }
    }
    return out;
  }
}
