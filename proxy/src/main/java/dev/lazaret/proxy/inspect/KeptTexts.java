package dev.lazaret.proxy.inspect;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which texts one inspection keeps in memory, within {@link InspectionLimits#maxTextTotal()}:
 * package.json always, every text file up to {@link InspectionLimits#maxTextBytes()} while the
 * total allows, and larger ones (up to {@link InspectionLimits#maxRunTextBytes()})
 * provisionally. Tar entries come in any order, so whether a large file runs at install is known
 * only once the manifest has been read: then only the provisional texts install scripts run are
 * kept. A provisional text gives way when an ordinary one would not fit, so a large bundle never
 * costs the small files their diffs; one that gave way and runs at install is judged unscanned.
 */
final class KeptTexts {

  private final InspectionLimits limits;
  private final Map<String, String> texts = new TreeMap<>();
  private final Map<String, Held> provisional = new HashMap<>();
  /** Bytes of the texts held, provisional ones included. */
  private long held;

  KeptTexts(InspectionLimits limits) {
    this.limits = limits;
  }

  /**
   * How many bytes of a file of {@code size} bytes are worth reading into memory: enough for the
   * whole of it if {@link #offer} may keep it.
   */
  long readLimit(long size) {
    if (size > limits.maxTextBytes() && size <= limits.maxRunTextBytes()
        && held + size <= limits.maxTextTotal()) {
      return limits.maxRunTextBytes();
    }
    return limits.maxTextBytes();
  }

  /** Keeps {@code text}, the content of {@code path} ({@code size} bytes), if it fits. */
  void offer(String path, long size, String text) {
    if (path.equals("package.json")) {
      // Always kept: scripts and what they run depend on it.
      texts.put(path, text);
      held += size;
    } else if (size > limits.maxTextBytes()) {
      if (held + size <= limits.maxTextTotal()) {
        provisional.put(path, new Held(text, size));
        held += size;
      }
    } else {
      while (held + size > limits.maxTextTotal() && !provisional.isEmpty()) {
        giveWay();
      }
      if (held + size <= limits.maxTextTotal()) {
        texts.put(path, text);
        held += size;
      }
    }
  }

  /** A provisional text and its size in bytes. */
  private record Held(String text, long size) {
  }

  /** Drops the largest provisional text. */
  private void giveWay() {
    String largest = null;
    for (Map.Entry<String, Held> e : provisional.entrySet()) {
      if (largest == null || e.getValue().size() > provisional.get(largest).size()) {
        largest = e.getKey();
      }
    }
    held -= provisional.remove(largest).size();
  }

  /** The texts kept, by path, given that install scripts run {@code runAtInstall}. */
  Map<String, String> texts(Set<String> runAtInstall) {
    Map<String, String> out = new TreeMap<>(texts);
    provisional.forEach((path, large) -> {
      if (runAtInstall.contains(path)) {
        out.put(path, large.text());
      }
    });
    return out;
  }
}
