package dev.lazaret.policy.content;

import java.util.Locale;
import java.util.Set;

/**
 * What kind of code a file holds, from its name (and its shebang when it has no extension):
 * only code is scanned. Documentation, data, styles, type declarations and source maps never run,
 * so findings in them would only be noise (a curl line in a README, a data-URI font in CSS).
 */
enum Language {
  /** JavaScript or TypeScript, run by node. */
  JAVASCRIPT,
  /** Shell, batch, PowerShell or Python: what install scripts hand work to. */
  SHELL,
  /** Not code: not scanned. */
  NONE;

  private static final Set<String> SCRIPT = Set.of("js", "cjs", "mjs", "jsx", "ts", "tsx", "mts",
      "cts");
  private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "ksh", "command", "bat",
      "cmd", "ps1", "psm1", "py");

  /** The language of the file at {@code path} holding {@code text}. */
  static Language of(String path, String text) {
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    if (name.endsWith(".d.ts") || name.endsWith(".d.mts") || name.endsWith(".d.cts")) {
      return NONE;
    }
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      String ext = name.substring(dot + 1);
      if (SCRIPT.contains(ext)) {
        return JAVASCRIPT;
      }
      if (SHELLS.contains(ext)) {
        return SHELL;
      }
    }
    if (text.startsWith("#!")) {
      int end = text.indexOf('\n');
      String shebang = text.substring(0, end < 0 ? Math.min(text.length(), 200)
          : Math.min(end, 200));
      return shebang.contains("node") ? JAVASCRIPT : SHELL;
    }
    return NONE;
  }
}
