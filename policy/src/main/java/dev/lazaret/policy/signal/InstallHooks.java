package dev.lazaret.policy.signal;

import dev.lazaret.policy.VersionFacts;
import dev.lazaret.policy.content.CodeFinding;
import dev.lazaret.policy.content.CodeScanner;
import dev.lazaret.policy.content.ContentFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * What changed at install time between the previous release and this version: hooks added or
 * given another command, and the changed files install scripts run. Shared by the signals that
 * judge install-time changes.
 */
final class InstallHooks {

  /**
   * One hook whose command is new.
   *
   * @param hook     preinstall, install or postinstall
   * @param before   the previous command, or null if the hook was added
   * @param after    the command now
   * @param findings what the command itself does ({@code curl ... | sh}), scanned as shell
   */
  record Change(String hook, String before, String after, List<CodeFinding> findings) {
  }

  private final List<Change> changes;
  private final List<ContentFacts.ChangedFile> runFiles;

  private InstallHooks(List<Change> changes, List<ContentFacts.ChangedFile> runFiles) {
    this.changes = changes;
    this.runFiles = runFiles;
  }

  /** The install-time changes in {@code content}, scanning new commands with {@code scanner}. */
  static InstallHooks of(ContentFacts content, CodeScanner scanner) {
    List<Change> changes = new ArrayList<>();
    for (String hook : VersionFacts.INSTALL_HOOKS) {
      String after = content.installScripts().get(hook);
      String before = content.previousInstallScripts().get(hook);
      if (after != null && !after.equals(before)) {
        changes.add(new Change(hook, before, after, scanner.scanCommand(after)));
      }
    }
    List<ContentFacts.ChangedFile> run = content.changed().stream()
        .filter(ContentFacts.ChangedFile::runAtInstall).toList();
    return new InstallHooks(List.copyOf(changes), run);
  }

  /** Hooks added or given another command. */
  List<Change> changes() {
    return changes;
  }

  /** Files added or changed that an install script runs. */
  List<ContentFacts.ChangedFile> runFiles() {
    return runFiles;
  }

  /** Whether nothing that runs at install changed. */
  boolean unchanged() {
    return changes.isEmpty() && runFiles.isEmpty();
  }

  /**
   * Whether {@code command} runs the file at {@code path}: it names the path, or, failing that,
   * the file's name ({@code cd lib && node install.js}).
   */
  static boolean runs(String command, String path) {
    if (command.contains(path)) {
      return true;
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    int at = command.indexOf(name);
    return at >= 0 && (at == 0 || " /\"'".indexOf(command.charAt(at - 1)) >= 0);
  }
}
