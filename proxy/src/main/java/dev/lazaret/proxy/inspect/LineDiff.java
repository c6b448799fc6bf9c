package dev.lazaret.proxy.inspect;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, line by line (longest common subsequence after trimming the
 * common head and tail), bounded in lines and characters: what does not fit is counted in a
 * last "... N more lines" line.
 */
final class LineDiff {

  /** Past this many cells (changed lines before times after) the table is not built. */
  private static final long MAX_CELLS = 4_000_000;
  private static final int CONTEXT = 3;

  private LineDiff() {
  }

  /**
   * The diff from {@code before} to {@code after} as unified hunks, at most {@code maxLines}
   * lines and about {@code maxChars} characters.
   */
  static String unified(String before, String after, int maxLines, int maxChars) {
    String[] a = before.split("\n", -1);
    String[] b = after.split("\n", -1);
    int head = 0;
    while (head < a.length && head < b.length && a[head].equals(b[head])) {
      head++;
    }
    int tail = 0;
    while (tail < a.length - head && tail < b.length - head
        && a[a.length - 1 - tail].equals(b[b.length - 1 - tail])) {
      tail++;
    }
    int n = a.length - head - tail;
    int m = b.length - head - tail;
    if ((long) n * m > MAX_CELLS) {
      return "(too many changed lines to diff: " + n + " before, " + m + " after)";
    }
    List<Op> ops = new ArrayList<>();
    for (int i = 0; i < head; i++) {
      ops.add(new Op(' ', a[i], i, i));
    }
    ops.addAll(middle(a, b, head, n, m));
    for (int i = 0; i < tail; i++) {
      ops.add(new Op(' ', a[head + n + i], head + n + i, head + m + i));
    }
    return render(ops, maxLines, maxChars);
  }

  private record Op(char kind, String line, int aLine, int bLine) {
  }

  /** The changed middle, by a longest-common-subsequence table over its lines. */
  private static List<Op> middle(String[] a, String[] b, int offset, int n, int m) {
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] = a[offset + i].equals(b[offset + j]) ? lcs[i + 1][j + 1] + 1
            : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Op> ops = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[offset + i].equals(b[offset + j])) {
        ops.add(new Op(' ', a[offset + i], offset + i, offset + j));
        i++;
        j++;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        // Removals before additions, as diff(1) prints them.
        ops.add(new Op('-', a[offset + i], offset + i, offset + j));
        i++;
      } else {
        ops.add(new Op('+', b[offset + j], offset + i, offset + j));
        j++;
      }
    }
    return ops;
  }

  private static String render(List<Op> ops, int maxLines, int maxChars) {
    List<String> lines = new ArrayList<>();
    int k = 0;
    while (k < ops.size()) {
      if (ops.get(k).kind() == ' ') {
        k++;
        continue;
      }
      int start = Math.max(0, k - CONTEXT);
      int end = k;
      // Extend the hunk while the next change is within two contexts.
      int quiet = 0;
      while (end < ops.size() && quiet <= 2 * CONTEXT) {
        quiet = ops.get(end).kind() == ' ' ? quiet + 1 : 0;
        end++;
      }
      end = Math.min(ops.size(), end - Math.max(0, quiet - CONTEXT));
      Op first = ops.get(start);
      int aCount = 0;
      int bCount = 0;
      for (int x = start; x < end; x++) {
        aCount += ops.get(x).kind() != '+' ? 1 : 0;
        bCount += ops.get(x).kind() != '-' ? 1 : 0;
      }
      lines.add("@@ -" + (first.aLine() + 1) + "," + aCount + " +" + (first.bLine() + 1) + ","
          + bCount + " @@");
      for (int x = start; x < end; x++) {
        lines.add(ops.get(x).kind() + ops.get(x).line());
      }
      k = end;
    }
    StringBuilder out = new StringBuilder();
    int shown = 0;
    for (String line : lines) {
      if (shown >= maxLines || out.length() + line.length() > maxChars) {
        break;
      }
      out.append(line).append('\n');
      shown++;
    }
    if (shown < lines.size()) {
      out.append("... ").append(lines.size() - shown).append(" more lines\n");
    }
    return out.toString();
  }
}
