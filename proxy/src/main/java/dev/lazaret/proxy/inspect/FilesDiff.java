package dev.lazaret.proxy.inspect;

import java.util.List;
import java.util.Map;

/**
 * What changed in a version's tarball since an earlier one: the {@code files} of a hold's diff.
 * Lists are bounded; what was left out is counted in {@code omitted}.
 *
 * @param against        the earlier version, or {@code null} (then every file is added)
 * @param added          files only in this version
 * @param removed        files only in the earlier one
 * @param changed        files whose content changed, with a text diff where both are text
 * @param installScripts lifecycle scripts added, removed or changed (command text)
 * @param scriptFiles    the full (bounded) text of the files install scripts run, when a
 *                       script was added or changed or the file itself is new or changed
 * @param nativeBinaries native binaries added or changed
 * @param omitted        entries left out of the lists above for size
 * @param incomplete     why either inspection stopped early, or null
 */
public record FilesDiff(
    String against,
    List<File> added,
    List<File> removed,
    List<Changed> changed,
    Scripts installScripts,
    Map<String, String> scriptFiles,
    List<String> nativeBinaries,
    int omitted,
    String incomplete) {

  /**
   * A file added or removed.
   *
   * @param path the path
   * @param size bytes
   */
  public record File(String path, long size) {
  }

  /**
   * A changed file.
   *
   * @param path the path
   * @param from bytes before
   * @param to   bytes after
   * @param diff a bounded unified text diff, or a note why there is none (binary, too big)
   */
  public record Changed(String path, long from, long to, String diff) {
  }

  /**
   * Install script changes.
   *
   * @param added   new scripts, name to command
   * @param removed scripts gone, name to old command
   * @param changed scripts whose command changed, name to the new command
   */
  public record Scripts(Map<String, String> added, Map<String, String> removed,
      Map<String, String> changed) {
  }
}
