package dev.lazaret.policy.content;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a file turns data into text at run time (base64, hex, char codes, decryption), and which
 * variables hold the result: what both code evaluation and child processes are judged by.
 */
final class Decoding {

  /** Calls and words that decode or decrypt, in an argument list. */
  static final List<String> MARKERS = List.of("atob(", "fromCharCode", "b64decode",
      "decodeURIComponent(", "unescape(", "Decipher", "decrypt", "_0x", "reverse()",
      "'base64'", "\"base64\"", "'hex'", "\"hex\"");
  /** Calls that start a decoding statement. */
  private static final List<String> CALLS = List.of("atob(", "fromCharCode(", "b64decode(",
      "createDecipheriv(", "unescape(", "Buffer.from(");
  /** Characters before {@code =} that make it a comparison or arrow, not an assignment. */
  private static final String NOT_ASSIGNMENT = "=!<>";
  /** Characters searched back from a decoding call for the assignment it belongs to. */
  private static final int STATEMENT_REACH = 200;

  private Decoding() {
  }

  /** Whether {@code window} (an argument list) decodes something. */
  static boolean decodes(String window) {
    return SourceText.holdsAny(window, MARKERS) || (window.contains("Buffer.from(")
        && (window.contains("base64") || window.contains("hex")));
  }

  /**
   * The names assigned from a decoding expression in {@code text} ({@code const s =
   * Buffer.from(x, "base64").toString()}), so that {@code eval(s)} later is known to run decoded
   * text.
   */
  static Set<String> decodedNames(SourceText text) {
    Set<String> names = new HashSet<>();
    for (String call : CALLS) {
      for (int at : text.find(call)) {
        if (call.equals("Buffer.from(") && !decodes(text.after(at, 200))) {
          continue;
        }
        String name = assignedName(text.before(at, STATEMENT_REACH));
        if (name != null) {
          names.add(name);
        }
      }
    }
    return names;
  }

  /** The name assigned to in the statement that {@code before} ends inside of, or null. */
  private static String assignedName(String before) {
    int start = Math.max(Math.max(before.lastIndexOf(';'), before.lastIndexOf('{')),
        before.lastIndexOf('}'));
    String statement = before.substring(start + 1);
    for (int eq = statement.indexOf('='); eq > 0; eq = statement.indexOf('=', eq + 1)) {
      char prev = statement.charAt(eq - 1);
      char next = eq + 1 < statement.length() ? statement.charAt(eq + 1) : ' ';
      if (NOT_ASSIGNMENT.indexOf(prev) >= 0 || next == '=' || next == '>') {
        continue;
      }
      int end = eq;
      while (end > 0 && Character.isWhitespace(statement.charAt(end - 1))) {
        end--;
      }
      int begin = end;
      while (begin > 0 && SourceText.isNameChar(statement.charAt(begin - 1))) {
        begin--;
      }
      return begin < end ? statement.substring(begin, end) : null;
    }
    return null;
  }

  /** The name an argument list starts with ({@code s} in {@code s, ctx)}), or null. */
  static String leadingName(String args) {
    String s = args.stripLeading();
    int end = 0;
    while (end < s.length() && SourceText.isNameChar(s.charAt(end))) {
      end++;
    }
    return end == 0 ? null : s.substring(0, end);
  }
}
