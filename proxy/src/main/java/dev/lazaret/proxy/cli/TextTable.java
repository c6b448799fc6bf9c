package dev.lazaret.proxy.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table with a header row and columns padded to their widest cell, for terminals
 * and {@code grep}; the last column is not padded, so lines carry no trailing spaces.
 */
final class TextTable {

  private final List<String[]> rows = new ArrayList<>();

  /** A table with these column headings. */
  TextTable(String... headings) {
    rows.add(headings.clone());
  }

  /** Adds a row; a null cell shows as {@code -}. */
  TextTable row(String... cells) {
    rows.add(Arrays.stream(cells).map(c -> c == null || c.isEmpty() ? "-" : c)
        .toArray(String[]::new));
    return this;
  }

  /** Prints the table, each line indented by {@code indent}. */
  void print(PrintWriter out, String indent) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int i = 0; i < row.length; i++) {
        boolean last = i == row.length - 1;
        line.append(last ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
