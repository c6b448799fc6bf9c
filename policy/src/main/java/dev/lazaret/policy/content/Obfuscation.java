package dev.lazaret.policy.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fingerprints of obfuscator.io (javascript-obfuscator), the tool behind most obfuscated npm
 * payloads: many {@code _0x}-hex identifiers ({@code _0x3f2a1b}), and the string array rotated by
 * a {@code while(!![])} loop of {@code push(shift())}. Ordinary minification (webpack, terser,
 * esbuild) renames to short letters and never produces either, so minified code is not
 * obfuscated code.
 */
final class Obfuscation implements Detector {

  /** Fewest {@code _0x} identifier occurrences that count. */
  static final int MIN_HEX_NAMES = 10;
  /** ... of at least this many distinct names (one odd name repeated is not the tool). */
  static final int MIN_DISTINCT_HEX_NAMES = 4;
  /** Hex digits after {@code _0x} in the tool's names. */
  private static final int MIN_HEX_DIGITS = 4;

  @Override
  public List<CodeFinding> detect(SourceText text, Set<CodeFinding.Kind> foundSoFar) {
    List<CodeFinding> out = new ArrayList<>();
    hexNames(text, out);
    rotation(text, out);
    return out;
  }

  /** One finding, at the first, if the file has many distinct {@code _0x} names. */
  private static void hexNames(SourceText text, List<CodeFinding> out) {
    int count = 0;
    int first = -1;
    Set<String> distinct = new HashSet<>();
    int from = 0;
    while (true) {
      int at = text.text().indexOf("_0x", from);
      if (at < 0) {
        break;
      }
      from = at + 3;
      if (at > 0 && SourceText.isNameChar(text.charAt(at - 1))) {
        continue;
      }
      int end = at + 3;
      while (end < text.length() && end - at - 3 < 12
          && SourceText.isHexDigit(text.charAt(end))) {
        end++;
      }
      if (end - at - 3 < MIN_HEX_DIGITS
          || (end < text.length() && SourceText.isNameChar(text.charAt(end)))) {
        continue;
      }
      if (text.inCommentLine(at)) {
        continue;
      }
      if (count++ == 0) {
        first = at;
      }
      if (distinct.size() < MIN_DISTINCT_HEX_NAMES) {
        distinct.add(text.text().substring(at, end));
      }
      if (count >= MIN_HEX_NAMES && distinct.size() >= MIN_DISTINCT_HEX_NAMES) {
        out.add(text.finding(CodeFinding.Kind.OBFUSCATION, first));
        return;
      }
    }
  }

  /** String-array rotation: {@code push(...shift())} shortly after a {@code while(!![])}. */
  private static void rotation(SourceText text, List<CodeFinding> out) {
    for (String shift : List.of("'shift'", "\"shift\"", ".shift(")) {
      for (int at : text.find(shift)) {
        String before = text.before(at, 80);
        if ((before.contains("push")) && text.before(at, 800).contains("!![]")) {
          out.add(text.finding(CodeFinding.Kind.OBFUSCATION, at));
          return;
        }
      }
    }
  }
}
