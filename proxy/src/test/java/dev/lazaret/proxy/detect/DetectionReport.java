package dev.lazaret.proxy.detect;

import dev.lazaret.policy.SignalId;
import java.util.List;
import java.util.Locale;

/** The corpus run as a Markdown table: every case, its verdict and its first reasons. */
final class DetectionReport {

  private static final int REASON_CHARS = 220;

  private DetectionReport() {
  }

  static String markdown(List<DetectionCorpusTest.Judged> judged) {
    StringBuilder b = new StringBuilder("# Detection corpus: verdicts\n\n");
    for (CorpusCase.Kind kind : CorpusCase.Kind.values()) {
      List<DetectionCorpusTest.Judged> cases = judged.stream()
          .filter(j -> j.c().kind() == kind).toList();
      long risky = cases.stream().filter(j -> j.result() != null && j.result().risky()).count();
      b.append(String.format(Locale.ROOT, "- %s: %d cases, %d risky%n",
          kind.name().toLowerCase(Locale.ROOT), cases.size(), risky));
    }
    b.append("\n| class | case | outcome | signals fired | findings | first reasons |\n|---|---|---|---|---|---|\n");
    for (DetectionCorpusTest.Judged j : judged) {
      String outcome = j.result() == null ? "error" : j.result().outcome()
          + (j.c().mentions().isEmpty() || j.mentionsAll() ? "" : " (reasons miss "
          + j.c().mentions() + ")");
      String findings = j.result() == null ? "" : j.result().content().findings().stream()
          .map(f -> f.kind() + "@" + f.path()).distinct().limit(4)
          .reduce((x, y) -> x + ", " + y).orElse("");
      String fired = j.result() == null ? "" : j.result().verdict().signals().stream()
          .filter(r -> r.fired() && r.id() != SignalId.RELEASE_AGE)
          .map(r -> r.id().name()).reduce((x, y) -> x + ", " + y).orElse("");
      String reasons = j.result() == null ? j.error() : firstReasons(j);
      b.append("| ").append(j.c().kind().name().toLowerCase(Locale.ROOT)).append(" | ")
          .append(j.c().name()).append(" | ").append(outcome).append(" | ").append(fired).append(" | ")
          .append(cell(findings)).append(" | ").append(cell(reasons)).append(" |\n");
    }
    return b.toString();
  }

  private static String firstReasons(DetectionCorpusTest.Judged j) {
    List<String> reasons = j.result().verdict().reasons();
    return String.join(" ", reasons.subList(0, Math.min(2, reasons.size())));
  }

  private static String cell(String text) {
    String one = text.replace('\n', ' ').replace("|", "\\|");
    return one.length() > REASON_CHARS ? one.substring(0, REASON_CHARS) + "…" : one;
  }
}
