package dev.lazaret.policy.signal;

import java.util.Locale;

/** Formats a file size the way a person says it in a message: "900 bytes", "650 KB", "3.6 MB". */
final class HumanSize {

  private HumanSize() {
  }

  /** {@code bytes} in decimal units, as a package page or {@code ls -lh --si} shows them. */
  static String format(long bytes) {
    if (bytes < 1_000) {
      return bytes + " bytes";
    }
    if (bytes < 1_000_000) {
      return bytes / 1_000 + " KB";
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
  }
}
