package dev.lazaret.policy.signal;

import dev.lazaret.policy.content.CodeFinding;
import dev.lazaret.policy.content.FindingPhrases;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Findings in words: "reads ~/.npmrc and makes a network call (steal.js:3, 5)". Each meaning is
 * said once, in the order first found, with the lines it was found on.
 */
final class FindingWords {

  private static final String READS = "reads ";
  private static final String OBFUSCATED = "is obfuscated (";
  /** Lines listed per file: enough to start reading. */
  private static final int MAX_LINES = 4;

  private FindingWords() {
  }

  /** {@code findings} (of one file) as a verb phrase with locations; empty if none. */
  static String describe(List<CodeFinding> findings) {
    if (findings.isEmpty()) {
      return "";
    }
    Map<String, Integer> phrases = new LinkedHashMap<>();
    TreeSet<Integer> lines = new TreeSet<>();
    for (CodeFinding f : findings) {
      phrases.putIfAbsent(FindingPhrases.of(f), f.line());
      lines.add(f.line());
    }
    String path = findings.getFirst().path();
    List<String> at = new ArrayList<>();
    for (int line : lines) {
      if (at.size() == MAX_LINES) {
        at.add("...");
        break;
      }
      at.add(at.isEmpty() ? path + ":" + line : String.valueOf(line));
    }
    return and(merged(List.copyOf(phrases.keySet()))) + " (" + String.join(", ", at) + ")";
  }

  /**
   * Phrases with a shared verb said once: "reads ~/.npmrc and npm tokens", "is obfuscated
   * (_0x identifiers, a rotated string array)".
   */
  private static List<String> merged(List<String> phrases) {
    List<String> reads = new ArrayList<>();
    List<String> obfuscated = new ArrayList<>();
    List<String> out = new ArrayList<>();
    for (String p : phrases) {
      if (p.startsWith(READS)) {
        if (reads.isEmpty()) {
          out.add(READS);
        }
        reads.add(p.substring(READS.length()));
      } else if (p.startsWith(OBFUSCATED) && p.endsWith(")")) {
        if (obfuscated.isEmpty()) {
          out.add(OBFUSCATED);
        }
        obfuscated.add(p.substring(OBFUSCATED.length(), p.length() - 1));
      } else {
        out.add(p);
      }
    }
    out.replaceAll(p -> p.equals(READS) ? READS + and(reads)
        : p.equals(OBFUSCATED) ? OBFUSCATED + String.join(", ", obfuscated) + ")" : p);
    return out;
  }

  /** "a", "a and b", "a, b and c". */
  static String and(List<String> items) {
    if (items.size() <= 1) {
      return items.isEmpty() ? "" : items.getFirst();
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
  }

  /** {@code text} in backticks, cut to a readable length. */
  static String code(String text) {
    String oneLine = text.replace('\n', ' ').strip();
    return "`" + (oneLine.length() > 80 ? oneLine.substring(0, 79) + "…" : oneLine) + "`";
  }
}
