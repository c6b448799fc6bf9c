package dev.lazaret.proxy.cli;

import dev.lazaret.proxy.config.ListSection;
import dev.lazaret.proxy.config.Setting;
import dev.lazaret.proxy.config.SettingsSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings table and the list sections at the foot of {@code --help}, generated from
 * {@link SettingsSchema}.
 */
final class SettingsHelp {

  private SettingsHelp() {
  }

  /** The footer lines: a table of every setting, then how values are written. */
  static List<String> footer() {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"Config key, flag", "Environment variable", "Default"});
    for (Setting<?> s : SettingsSchema.ALL) {
      // Flags share the key column: a separate column would push the table past 80 columns.
      String key = s == SettingsSchema.CONFIG ? s.flag().orElseThrow()
          : s.key() + s.flag().map(f -> ", " + f).orElse("");
      rows.add(new String[] {key, s.env(), s.helpDefault()});
    }
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("Settings (a flag beats the environment, which beats the config file):");
    lines.addAll(table(rows));
    lines.add("");
    lines.add("DURATION: 500ms, 30s, 5m, 2h, 7d. SIZE: 256MiB, 1GiB, 500MB or bytes.");
    lines.add("HOST:PORT may also be [IPv6]:PORT, or :PORT for all interfaces.");
    lines.add("In the config file a dotted key is a section: 'cache:' with 'packument-ttl: 5m'");
    lines.add("indented under it.");
    lines.addAll(lists());
    return lines;
  }

  /** Each list section of the config file: what it is for, an example, its variable if any. */
  private static List<String> lists() {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("Lists in the config file:");
    for (ListSection list : SettingsSchema.LISTS) {
      lines.add("  " + list.key() + ": " + list.summary());
      list.example().forEach(line -> lines.add("    " + line));
      list.env().ifPresent(env -> {
        // The variable replaces the file's whole list, as any variable beats the file.
        lines.add("  " + env + " replaces the list:");
        list.envHelp().forEach(line -> lines.add("    " + line));
      });
    }
    return lines;
  }

  private static List<String> table(List<String[]> rows) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder(" ");
      for (int i = 0; i < row.length; i++) {
        line.append(' ').append(i == row.length - 1 ? row[i]
            : String.format("%-" + widths[i] + "s ", row[i]));
      }
      lines.add(line.toString());
    }
    return lines;
  }
}
