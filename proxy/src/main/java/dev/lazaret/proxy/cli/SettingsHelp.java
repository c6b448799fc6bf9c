package dev.lazaret.proxy.cli;

import dev.lazaret.proxy.config.ListSection;
import dev.lazaret.proxy.config.Setting;
import dev.lazaret.proxy.config.SettingsSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The settings table and the list sections at the foot of {@code --help}, generated from
 * {@link SettingsSchema}.
 */
final class SettingsHelp {

  private SettingsHelp() {
  }

  /**
   * Makes {@code command}'s help end with the settings footer, laid out for the terminal's width.
   * The footer is rendered when help is printed, not given to picocli as text: picocli would
   * read it as a format string (a '%' in an example broke it) and wrap table rows at 80 columns.
   */
  static void addTo(CommandLine command) {
    UsageMessageSpec usage = command.getCommandSpec().usageMessage();
    usage.autoWidth(true); // detected only when help is printed: it runs a process
    Map<String, CommandLine.IHelpSectionRenderer> sections =
        new LinkedHashMap<>(usage.sectionMap());
    sections.put(UsageMessageSpec.SECTION_KEY_FOOTER, help ->
        String.join(System.lineSeparator(), footer(help.commandSpec().usageMessage().width()))
            + System.lineSeparator());
    usage.sectionMap(sections);
  }

  /**
   * The footer lines for a terminal {@code width} columns wide: a table of every setting, then
   * how values are written. A table wider than that puts each variable on a line of its own
   * under its key, rather than letting the terminal break rows at random.
   */
  static List<String> footer(int width) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"Config key, flag", "Environment variable", "Default"});
    for (Setting<?> s : SettingsSchema.ALL) {
      // Flags share the key column: a separate column would make the table wider still.
      String key = s == SettingsSchema.CONFIG ? s.flag().orElseThrow()
          : s.key() + s.flag().map(f -> ", " + f).orElse("");
      rows.add(new String[] {key, s.env(), s.helpDefault()});
    }
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("Settings (a flag beats the environment, which beats the config file):");
    List<String> wide = table(rows);
    lines.addAll(wide.stream().allMatch(line -> line.length() <= width) ? wide : narrow(rows));
    lines.add("");
    lines.add("DURATION: 500ms, 30s, 5m, 2h, 7d. SIZE: 256MiB, 1GiB, 500MB or bytes.");
    lines.add("HOST:PORT may also be [IPv6]:PORT, or :PORT for all interfaces.");
    lines.add("In the config file a dotted key is a section: 'cache:' with 'packument-ttl: 5m'");
    lines.add("indented under it.");
    lines.addAll(lists(width));
    return lines;
  }

  /** Each list section of the config file: what it is for, an example, its variable if any. */
  private static List<String> lists(int width) {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("Lists in the config file:");
    for (ListSection list : SettingsSchema.LISTS) {
      lines.addAll(wrap("  " + list.key() + ": " + list.summary(), width, "      "));
      list.example().forEach(line -> lines.add("    " + line));
      list.env().ifPresent(env -> {
        // The variable replaces the file's whole list, as any variable beats the file.
        lines.add("  " + env + " replaces the list:");
        list.envHelp().forEach(line -> lines.add("    " + line));
      });
    }
    return lines;
  }

  /** {@code text} broken at spaces into lines of at most {@code width}, continued indented. */
  static List<String> wrap(String text, int width, String indent) {
    List<String> lines = new ArrayList<>();
    String rest = text;
    while (rest.length() > width) {
      int cut = rest.lastIndexOf(' ', width);
      if (cut <= indent.length()) {
        break; // one word longer than the line: keep it whole
      }
      lines.add(rest.substring(0, cut).stripTrailing());
      rest = indent + rest.substring(cut + 1).stripLeading();
    }
    lines.add(rest);
    return lines;
  }

  /** The table as key and default, each row followed by its variable on a line of its own. */
  private static List<String> narrow(List<String[]> rows) {
    List<String> keysAndDefaults = table(rows.stream().map(r -> new String[] {r[0], r[2]}).toList());
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      lines.add(keysAndDefaults.get(i));
      lines.add("    " + rows.get(i)[1]);
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
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }
}
