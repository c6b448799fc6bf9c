package dev.lazaret.proxy.inspect;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Finds the local files install scripts run ({@code node x.js}, {@code sh y.sh},
 * {@code bash ./z}) and keeps their text, cut to a bound: an analyst reads what will execute.
 */
final class ScriptFiles {

  private static final Set<String> RUNNERS = Set.of("node", "sh", "bash", "nodejs", "zsh");

  private ScriptFiles() {
  }

  /** The files {@code scripts} run that are in {@code texts}, by path, each at most
   * {@code maxBytes} characters. */
  static Map<String, String> run(Map<String, String> scripts, Map<String, String> texts,
      int maxBytes) {
    Map<String, String> out = new TreeMap<>();
    for (String path : paths(scripts, texts::containsKey)) {
      String text = texts.get(path);
      out.put(path, text.length() > maxBytes ? text.substring(0, maxBytes)
          + "\n... (cut at " + maxBytes + " characters)" : text);
    }
    return out;
  }

  /**
   * The paths of the files {@code scripts} run among those {@code exists} accepts, whatever
   * their content (binary and large files included): which files run at install.
   */
  static Set<String> paths(Map<String, String> scripts, Predicate<String> exists) {
    Set<String> out = new LinkedHashSet<>();
    for (String command : scripts.values()) {
      String[] words = command.split("[\\s;&|()]+");
      for (int i = 0; i + 1 < words.length; i++) {
        if (!RUNNERS.contains(words[i])) {
          continue;
        }
        // Options before the file (node --require x y.js): take the first non-option word.
        int j = i + 1;
        while (j < words.length && words[j].startsWith("-")) {
          j++;
        }
        if (j >= words.length) {
          continue;
        }
        String path = normalise(words[j]);
        if (!exists.test(path) && exists.test(path + ".js")) {
          path = path + ".js";
        }
        if (exists.test(path)) {
          out.add(path);
        }
      }
    }
    return out;
  }

  private static String normalise(String word) {
    String path = word.replaceAll("^[\"']|[\"']$", "");
    while (path.startsWith("./")) {
      path = path.substring(2);
    }
    return path;
  }
}
