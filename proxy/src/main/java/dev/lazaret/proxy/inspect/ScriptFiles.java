package dev.lazaret.proxy.inspect;

import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the local files install scripts run ({@code node x.js}, {@code sh y.sh},
 * {@code bash ./z}) and keeps their text, cut to a bound: an analyst reads what will execute.
 */
final class ScriptFiles {

  private static final java.util.Set<String> RUNNERS = java.util.Set.of("node", "sh", "bash",
      "nodejs", "zsh");

  private ScriptFiles() {
  }

  /** The files {@code scripts} run that are in {@code texts}, by path, each at most
   * {@code maxBytes} characters. */
  static Map<String, String> run(Map<String, String> scripts, Map<String, String> texts,
      int maxBytes) {
    Map<String, String> out = new TreeMap<>();
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
        String text = texts.get(path);
        if (text == null && texts.containsKey(path + ".js")) {
          path = path + ".js";
          text = texts.get(path);
        }
        if (text != null) {
          out.put(path, text.length() > maxBytes ? text.substring(0, maxBytes)
              + "\n... (cut at " + maxBytes + " characters)" : text);
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
