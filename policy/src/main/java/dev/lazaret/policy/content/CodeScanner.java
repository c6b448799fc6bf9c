package dev.lazaret.policy.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds suspicious constructs in a JavaScript or shell file's text: pure and bounded in time
 * (linear in the text: plain substring search with a bounded look around each hit, no regular
 * expressions), so it may run on anything a tarball holds. Only code is scanned (see
 * {@link Language}); lines that are only comments are skipped.
 */
public final class CodeScanner {

  /** Findings of one kind kept per file: enough to show an analyst, few enough to read. */
  public static final int MAX_PER_KIND = 5;
  /** The path findings in an install command are reported under. */
  public static final String PACKAGE_JSON = "package.json";

  /** Run in this order: later detectors judge combinations with what earlier ones found. */
  private final List<Detector> detectors = List.of(new NetworkCalls(), new SecretReads(),
      new EncodedBlobs(), new Obfuscation(), new DynamicEvals(), new DownloadAndRun());

  /** The scanner with every detector. */
  public CodeScanner() {
  }

  /** The findings in {@code text}, the content of the file at {@code path}, in line order. */
  public List<CodeFinding> scan(String path, String text) {
    Language language = Language.of(path, text);
    return language == Language.NONE ? List.of()
        : scan(new SourceText(path, text, language));
  }

  /**
   * The findings in an install script's command ({@code "curl -s http://x | sh"}), read as
   * shell, reported under {@link #PACKAGE_JSON} line 1.
   */
  public List<CodeFinding> scanCommand(String command) {
    return scan(new SourceText(PACKAGE_JSON, command, Language.SHELL));
  }

  private List<CodeFinding> scan(SourceText text) {
    List<CodeFinding> all = new ArrayList<>();
    Set<CodeFinding.Kind> found = EnumSet.noneOf(CodeFinding.Kind.class);
    for (Detector d : detectors) {
      List<CodeFinding> some = d.detect(text, found);
      some.forEach(f -> found.add(f.kind()));
      all.addAll(some);
    }
    all.sort(Comparator.comparingInt(CodeFinding::line));
    // One finding per line and meaning (a minified line may read several secrets), and at most
    // MAX_PER_KIND per kind.
    Map<CodeFinding.Kind, Integer> perKind = new EnumMap<>(CodeFinding.Kind.class);
    Set<String> seen = new HashSet<>();
    List<CodeFinding> kept = new ArrayList<>();
    for (CodeFinding f : all) {
      if (seen.add(f.line() + ":" + FindingPhrases.of(f))
          && perKind.merge(f.kind(), 1, Integer::sum) <= MAX_PER_KIND) {
        kept.add(f);
      }
    }
    return List.copyOf(kept);
  }
}
