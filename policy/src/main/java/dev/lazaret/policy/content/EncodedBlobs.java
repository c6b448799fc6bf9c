package dev.lazaret.policy.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Encoded data in code: a long base64 or hex run, a long run of {@code \xNN} escapes, or a
 * string literal decoded from base64 or hex at run time ({@code Buffer.from("aHR0c...",
 * "base64")}, {@code atob("...")}), which is how payloads hide URLs and commands from a reader.
 * Inert data URIs (images, fonts, media, JSON such as inline source maps) are not counted. Weak
 * alone (bundles inline wasm and images); it counts together with something else.
 */
final class EncodedBlobs implements Detector {

  /** Shortest base64 or hex run that counts: longer than any hash or integrity string. */
  static final int MIN_RUN = 200;
  /** Fewest consecutive {@code \xNN} escapes that count. */
  static final int MIN_ESCAPES = 32;
  /** Data-URI media types that cannot run. */
  private static final List<String> INERT_MEDIA = List.of("image/", "font/", "audio/", "video/",
      "application/json", "application/font", "application/x-font", "text/css");
  /** Encodings a {@code Buffer.from} literal may be decoded from. */
  private static final List<String> ENCODINGS = List.of("base64", "base64url", "hex");

  @Override
  public List<CodeFinding> detect(SourceText text, Set<CodeFinding.Kind> foundSoFar) {
    List<CodeFinding> out = new ArrayList<>();
    runs(text, out);
    escapes(text, out);
    for (int at : text.find("atob(")) {
      if (literalAt(text, at + "atob(".length()) != null) {
        out.add(text.finding(CodeFinding.Kind.ENCODED_BLOB, at));
      }
    }
    for (int at : text.find("Buffer.from(")) {
      if (decodesLiteral(text, at + "Buffer.from(".length())) {
        out.add(text.finding(CodeFinding.Kind.ENCODED_BLOB, at));
      }
    }
    return out;
  }

  /** Long runs of base64 or hex characters, one pass over the text. */
  private static void runs(SourceText text, List<CodeFinding> out) {
    int start = -1;
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    boolean hexOnly = true;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      boolean b64 = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '+' || c == '/';
      if (b64) {
        if (start < 0) {
          start = i;
          upper = lower = digit = false;
          hexOnly = true;
        }
        upper |= c >= 'A' && c <= 'Z';
        lower |= c >= 'a' && c <= 'z';
        digit |= c >= '0' && c <= '9';
        hexOnly &= (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        continue;
      }
      if (start >= 0 && i - start >= MIN_RUN && digit
          && ((upper && lower) || (hexOnly && (upper || lower)))
          && !inertDataUri(text, start) && !text.inCommentLine(start)
          && out.size() < SourceText.MAX_HITS) {
        out.add(text.finding(CodeFinding.Kind.ENCODED_BLOB, start));
      }
      start = -1;
    }
  }

  /** Long runs of {@code \xNN} escapes (hex-escaped strings), one pass over the text. */
  private static void escapes(SourceText text, List<CodeFinding> out) {
    int count = 0;
    int first = -1;
    int i = 0;
    while (i + 3 < text.length()) {
      if (text.charAt(i) == '\\' && text.charAt(i + 1) == 'x'
          && SourceText.isHexDigit(text.charAt(i + 2))
          && SourceText.isHexDigit(text.charAt(i + 3))) {
        if (count++ == 0) {
          first = i;
        }
        if (count == MIN_ESCAPES && !text.inCommentLine(first)) {
          out.add(text.finding(CodeFinding.Kind.ENCODED_BLOB, first));
        }
        i += 4;
        continue;
      }
      count = 0;
      i++;
    }
  }

  /** Whether the run at {@code start} is the payload of a data URI that cannot run. */
  private static boolean inertDataUri(SourceText text, int start) {
    String before = text.before(start, 120);
    if (!before.endsWith("base64,")) {
      return false;
    }
    int data = before.lastIndexOf("data:");
    if (data < 0) {
      return false;
    }
    String media = before.substring(data + 5);
    return INERT_MEDIA.stream().anyMatch(media::startsWith);
  }

  /** The string literal starting at {@code from} (after blanks), or null if none. */
  static String literalAt(SourceText text, int from) {
    String rest = text.after(from, 4096);
    String s = rest.stripLeading();
    if (s.isEmpty()) {
      return null;
    }
    char quote = s.charAt(0);
    if (quote != '\'' && quote != '"' && quote != '`') {
      return null;
    }
    int close = s.indexOf(quote, 1);
    return close < 0 ? null : s.substring(1, close);
  }

  /** Whether the {@code Buffer.from(} arguments at {@code from} are a literal and an encoding. */
  private static boolean decodesLiteral(SourceText text, int from) {
    String rest = text.after(from, 4200).stripLeading();
    if (rest.isEmpty()) {
      return false;
    }
    char quote = rest.charAt(0);
    if (quote != '\'' && quote != '"' && quote != '`') {
      return false;
    }
    int close = rest.indexOf(quote, 1);
    if (close < 0 || close - 1 < 4) {
      return false;
    }
    String args = rest.substring(close + 1).stripLeading();
    if (!args.startsWith(",")) {
      return false;
    }
    String encoding = args.substring(1).stripLeading();
    if (encoding.isEmpty()) {
      return false;
    }
    char q = encoding.charAt(0);
    int end = encoding.indexOf(q, 1);
    return (q == '\'' || q == '"' || q == '`') && end > 0
        && ENCODINGS.contains(encoding.substring(1, end));
  }
}
