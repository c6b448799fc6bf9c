package dev.lazaret.policy.content;

import java.util.ArrayList;
import java.util.List;

/**
 * One file's text as the detectors read it: line numbers, which lines are comments, bounded
 * token search and excerpts. Every search is {@link String#indexOf} over the text plus a bounded
 * look around each hit, so scanning stays linear in the text whatever it holds (no regular
 * expressions, nothing that can backtrack).
 */
final class SourceText {

  /** Hits of one token examined per file: past this the token has been seen plenty. */
  static final int MAX_HITS = 500;
  /** Characters kept before a match in an excerpt. */
  private static final int EXCERPT_BEFORE = 30;
  /** Characters kept after the start of a match in an excerpt. */
  private static final int EXCERPT_AFTER = 110;

  private final String path;
  private final String text;
  private final Language language;
  private final int[] lineStarts;
  /** Per line: 0 not yet known, 1 comment, 2 code. */
  private final byte[] lineKinds;

  SourceText(String path, String text, Language language) {
    this.path = path;
    this.text = text;
    this.language = language;
    int lines = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines++;
      }
    }
    this.lineStarts = new int[lines];
    for (int i = 0, line = 1; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lineStarts[line++] = i + 1;
      }
    }
    this.lineKinds = new byte[lines];
  }

  String path() {
    return path;
  }

  String text() {
    return text;
  }

  Language language() {
    return language;
  }

  int length() {
    return text.length();
  }

  char charAt(int i) {
    return text.charAt(i);
  }

  /** The 1-based line holding {@code offset}. */
  int lineOf(int offset) {
    int lo = 0;
    int hi = lineStarts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo + 1;
  }

  /** The offset of the start of the line holding {@code offset}. */
  int lineStart(int offset) {
    return lineStarts[lineOf(offset) - 1];
  }

  /** The offset just past the end of the line holding {@code offset} (before its newline). */
  int lineEnd(int offset) {
    int line = lineOf(offset);
    int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
    if (end > lineStarts[line - 1] && text.charAt(end - 1) == '\r') {
      end--;
    }
    return end;
  }

  /**
   * Whether {@code offset} is on a line that is only a comment: such lines document, they do not
   * run (a JSDoc saying "reads the token from ~/.npmrc"). A line with code after a closing
   * {@code *}{@code /} is code.
   */
  boolean inCommentLine(int offset) {
    int line = lineOf(offset) - 1;
    if (lineKinds[line] == 0) {
      lineKinds[line] = isCommentLine(lineStarts[line], lineEnd(offset)) ? (byte) 1 : (byte) 2;
    }
    return lineKinds[line] == 1;
  }

  private boolean isCommentLine(int start, int end) {
    int i = start;
    while (i < end && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    if (i >= end) {
      return false;
    }
    if (text.startsWith("#!", i)) {
      return true;
    }
    if (language == Language.SHELL) {
      return text.charAt(i) == '#' || text.startsWith("::", i)
          || text.regionMatches(true, i, "rem ", 0, 4);
    }
    if (text.startsWith("//", i)) {
      return true;
    }
    if (text.startsWith("/*", i) || text.charAt(i) == '*') {
      int close = text.indexOf("*/", i + 1);
      if (close < 0 || close >= end) {
        return true;
      }
      for (int j = close + 2; j < end; j++) {
        if (!Character.isWhitespace(text.charAt(j))) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * Where {@code token} occurs on code lines, at most {@link #MAX_HITS} times. A token starting
   * with a letter or a dot must not continue a name on its left ({@code prefetch(} is not
   * {@code fetch(}, {@code opts.npmrc} is not {@code .npmrc}); a token ending with a letter must
   * not run on into another.
   */
  List<Integer> find(String token) {
    List<Integer> hits = new ArrayList<>();
    boolean checkLeft = isNameChar(token.charAt(0)) || token.charAt(0) == '.';
    boolean checkRight = isNameChar(token.charAt(token.length() - 1));
    int from = 0;
    while (hits.size() < MAX_HITS) {
      int i = text.indexOf(token, from);
      if (i < 0) {
        break;
      }
      from = i + 1;
      if (checkLeft && i > 0 && continuesLeft(text.charAt(i - 1))) {
        continue;
      }
      int after = i + token.length();
      if (checkRight && after < text.length() && isNameChar(text.charAt(after))) {
        continue;
      }
      if (inCommentLine(i)) {
        continue;
      }
      hits.add(i);
    }
    return hits;
  }

  /** The first hit of any of {@code tokens} (by {@link #find}), or -1. */
  int first(List<String> tokens) {
    int best = -1;
    for (String t : tokens) {
      List<Integer> hits = find(t);
      if (!hits.isEmpty() && (best < 0 || hits.get(0) < best)) {
        best = hits.get(0);
      }
    }
    return best;
  }

  /** Whether {@code window} (from {@link #after} or {@link #before}) holds any of these. */
  static boolean holdsAny(String window, List<String> tokens) {
    for (String t : tokens) {
      if (window.contains(t)) {
        return true;
      }
    }
    return false;
  }

  /** Up to {@code max} characters from {@code offset}, not past the end of its line. */
  String after(int offset, int max) {
    return text.substring(offset, Math.min(lineEnd(offset), offset + max));
  }

  /** Up to {@code max} characters before {@code offset}, not before the start of its line. */
  String before(int offset, int max) {
    return text.substring(Math.max(lineStart(offset), offset - max), offset);
  }

  /**
   * The argument list of the call whose {@code (} is just before {@code from}: up to the
   * matching {@code )}, skipping string literals, at most {@code max} characters and not past the
   * end of the line.
   */
  String arguments(int from, int max) {
    int end = Math.min(lineEnd(from), from + max);
    int depth = 1;
    char quote = 0;
    for (int i = from; i < end; i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return text.substring(from, i);
      }
    }
    return text.substring(from, end);
  }

  /** Whether {@code args} is one string literal and nothing else: nothing decoded there. */
  static boolean isSingleLiteral(String args) {
    String s = args.strip();
    if (s.length() < 2) {
      return false;
    }
    char q = s.charAt(0);
    if ((q != '\'' && q != '"' && q != '`') || s.charAt(s.length() - 1) != q) {
      return false;
    }
    for (int i = 1; i < s.length() - 1; i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == q || (q == '`' && c == '$' && s.charAt(i + 1) == '{')) {
        return false;
      }
    }
    return true;
  }

  /** A finding of {@code kind} for the match starting at {@code offset}. */
  CodeFinding finding(CodeFinding.Kind kind, int offset) {
    return finding(kind, offset, EXCERPT_BEFORE);
  }

  /** The same, keeping {@code before} characters before the match in the excerpt. */
  CodeFinding finding(CodeFinding.Kind kind, int offset, int before) {
    int from = Math.max(lineStart(offset), offset - before);
    int to = Math.min(lineEnd(offset), offset + EXCERPT_AFTER);
    return new CodeFinding(kind, path, lineOf(offset), text.substring(from, to).strip());
  }

  /** A letter, digit, {@code _} or {@code $}: part of a JavaScript name. */
  static boolean isNameChar(char c) {
    return c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '_' || c == '$' : Character.isLetterOrDigit(c);
  }

  /** A hexadecimal digit. */
  static boolean isHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** Whether {@code c} before a token makes it part of something longer (a name, a call). */
  private static boolean continuesLeft(char c) {
    return isNameChar(c) || c == ')' || c == ']';
  }
}
