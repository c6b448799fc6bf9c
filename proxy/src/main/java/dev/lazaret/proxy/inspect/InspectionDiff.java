package dev.lazaret.proxy.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Compares two versions' inspections (and their texts, for line diffs) into a FilesDiff. */
public final class InspectionDiff {

  /** Entries per list in a diff. */
  static final int MAX_ENTRIES = 500;
  /** Lines of one file's text diff. */
  static final int MAX_DIFF_LINES = 200;
  /** Characters of one file's text diff. */
  static final int MAX_DIFF_CHARS = 32 << 10;
  /** Characters of all text diffs together; later files get a note instead. */
  static final int MAX_TOTAL_DIFF_CHARS = 256 << 10;

  private InspectionDiff() {
  }

  /** The diff from {@code before} ({@code null} for none) to {@code after}. */
  public static FilesDiff between(String against, Unpacked before, Unpacked after) {
    Inspection now = after.inspection();
    Map<String, Inspection.FileEntry> old = byPath(before == null ? List.of()
        : before.inspection().files());
    Map<String, Inspection.FileEntry> current = byPath(now.files());
    List<FilesDiff.File> added = new ArrayList<>();
    List<FilesDiff.File> removed = new ArrayList<>();
    List<FilesDiff.Changed> changed = new ArrayList<>();
    List<String> natives = new ArrayList<>();
    int omitted = 0;
    int diffChars = 0;
    for (Inspection.FileEntry f : current.values()) {
      Inspection.FileEntry was = old.get(f.path());
      if (was != null && was.sha256().equals(f.sha256())) {
        continue;
      }
      if (f.binary()) {
        natives.add(f.path());
      }
      if (was == null) {
        omitted += addBounded(added, new FilesDiff.File(f.path(), f.size()));
        continue;
      }
      String diff = textDiff(f.path(), before, after, diffChars);
      diffChars += diff.length();
      omitted += addBounded(changed, new FilesDiff.Changed(f.path(), was.size(), f.size(), diff));
    }
    for (Inspection.FileEntry f : old.values()) {
      if (!current.containsKey(f.path())) {
        omitted += addBounded(removed, new FilesDiff.File(f.path(), f.size()));
      }
    }
    Map<String, String> oldScripts = before == null ? Map.of()
        : before.inspection().installScripts();
    FilesDiff.Scripts scripts = scripts(oldScripts, now.installScripts());
    // What install scripts run, whenever it may run differently: a new or changed command, or
    // the same command running a file whose content changed.
    boolean commandsChanged = !scripts.added().isEmpty() || !scripts.changed().isEmpty();
    Map<String, String> scriptFiles = new TreeMap<>();
    now.scriptFiles().forEach((path, text) -> {
      Inspection.FileEntry was = old.get(path);
      Inspection.FileEntry is = current.get(path);
      if (commandsChanged || was == null || is == null || !was.sha256().equals(is.sha256())) {
        scriptFiles.put(path, text);
      }
    });
    String incomplete = now.incomplete() != null ? "this version: " + now.incomplete()
        : before != null && before.inspection().incomplete() != null
            ? against + ": " + before.inspection().incomplete() : null;
    return new FilesDiff(against, added, removed, changed, scripts, scriptFiles, natives,
        omitted, incomplete);
  }

  private static <T> int addBounded(List<T> list, T item) {
    if (list.size() >= MAX_ENTRIES) {
      return 1;
    }
    list.add(item);
    return 0;
  }

  private static String textDiff(String path, Unpacked before, Unpacked after, int charsSoFar) {
    String a = before.texts().get(path);
    String b = after.texts().get(path);
    if (a == null || b == null) {
      return "(no text diff: binary or larger than the inspection keeps)";
    }
    if (charsSoFar >= MAX_TOTAL_DIFF_CHARS) {
      return "(no text diff: the diffs shown already reach their size limit)";
    }
    return LineDiff.unified(a, b, MAX_DIFF_LINES,
        Math.min(MAX_DIFF_CHARS, MAX_TOTAL_DIFF_CHARS - charsSoFar));
  }

  private static FilesDiff.Scripts scripts(Map<String, String> before, Map<String, String> after) {
    Map<String, String> added = new TreeMap<>();
    Map<String, String> removed = new TreeMap<>();
    Map<String, String> changed = new TreeMap<>();
    after.forEach((name, command) -> {
      if (!before.containsKey(name)) {
        added.put(name, command);
      } else if (!Objects.equals(before.get(name), command)) {
        changed.put(name, command);
      }
    });
    before.forEach((name, command) -> {
      if (!after.containsKey(name)) {
        removed.put(name, command);
      }
    });
    return new FilesDiff.Scripts(added, removed, changed);
  }

  private static Map<String, Inspection.FileEntry> byPath(List<Inspection.FileEntry> files) {
    Map<String, Inspection.FileEntry> out = new TreeMap<>();
    files.forEach(f -> out.put(f.path(), f));
    return out;
  }
}
