package dev.lazaret.policy.signal;

import dev.lazaret.policy.SignalId;
import dev.lazaret.policy.SignalResult;
import dev.lazaret.policy.content.CodeScanner;
import dev.lazaret.policy.content.ContentFacts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An established package (one with a previous release) changed what runs at install: a hook was
 * added, a hook's command changed, or a file a hook runs changed. Says which hook, what it now
 * runs, and what the scan found there. The change alone is common (a build step updated); the
 * risk rules pair it with suspicious code or a new publisher.
 */
public final class InstallScriptChange implements Signal {

  private final CodeScanner scanner;

  /** The signal, scanning install commands with the standard scanner. */
  public InstallScriptChange() {
    this(new CodeScanner());
  }

  /** The signal, scanning install commands with {@code scanner}. */
  public InstallScriptChange(CodeScanner scanner) {
    this.scanner = scanner;
  }

  @Override
  public SignalId id() {
    return SignalId.INSTALL_SCRIPT_CHANGE;
  }

  @Override
  public SignalResult evaluate(VersionContext c) {
    var unavailable = NotInspected.check(id(), c);
    if (unavailable.isPresent()) {
      return unavailable.get();
    }
    ContentFacts content = c.content();
    if (content.previousVersion() == null) {
      return SignalResult.quiet(id(), "first release", "This is the package's first release:"
          + " there is no earlier install script to compare with.");
    }
    String previous = content.previousVersion();
    InstallHooks hooks = InstallHooks.of(content, scanner);
    if (hooks.unchanged()) {
      return SignalResult.quiet(id(), "unchanged", content.installScripts().isEmpty()
          ? "The version has no install scripts."
          : "The install scripts and the files they run are as in " + previous + ".");
    }
    List<String> parts = new ArrayList<>();
    List<String> values = new ArrayList<>();
    Set<String> told = new HashSet<>();
    for (InstallHooks.Change change : hooks.changes()) {
      String was = change.before() == null ? previous + " had no " + change.hook()
          : previous + " ran " + FindingWords.code(change.before());
      StringBuilder part = new StringBuilder(change.hook() + " now runs "
          + FindingWords.code(change.after()) + " (" + was + ")");
      appendFindings(part, change, hooks.runFiles(), told);
      parts.add(part.toString());
      values.add(change.hook() + (change.before() == null ? " added" : " changed"));
    }
    for (Map.Entry<String, String> hook : content.installScripts().entrySet()) {
      if (hooks.changes().stream().anyMatch(ch -> ch.hook().equals(hook.getKey()))) {
        continue;
      }
      for (ContentFacts.ChangedFile f : hooks.runFiles()) {
        if (!told.contains(f.path()) && InstallHooks.runs(hook.getValue(), f.path())) {
          told.add(f.path());
          parts.add(hook.getKey() + " still runs " + FindingWords.code(hook.getValue())
              + ", but " + f.path() + " " + changedWord(f) + whatItDoes(f));
          values.add(f.path() + " " + changedWord(f));
        }
      }
    }
    for (ContentFacts.ChangedFile f : hooks.runFiles()) {
      if (told.add(f.path())) {
        parts.add(f.path() + ", run at install, " + changedWord(f) + whatItDoes(f));
        values.add(f.path() + " " + changedWord(f));
      }
    }
    String sentence = "Compared with " + previous + ": " + String.join("; ", parts) + ".";
    String phrase = hooks.changes().isEmpty()
        ? "with a changed install-time file (" + hooks.runFiles().getFirst().path() + ")"
        : "with a " + (hooks.changes().getFirst().before() == null ? "new " : "changed ")
            + hooks.changes().getFirst().hook() + " that runs "
            + FindingWords.code(hooks.changes().getFirst().after());
    return SignalResult.fired(id(), String.join(", ", values), sentence, phrase);
  }

  /** ", which reads ... (f.js:3)" for the command and the files it runs, or that they are clean. */
  private static void appendFindings(StringBuilder part, InstallHooks.Change change,
      List<ContentFacts.ChangedFile> runFiles, Set<String> told) {
    List<String> subjects = new ArrayList<>();
    List<String> descriptions = new ArrayList<>();
    List<String> clean = new ArrayList<>();
    if (!change.findings().isEmpty()) {
      subjects.add("the command");
      descriptions.add(FindingWords.describe(change.findings()));
    }
    for (ContentFacts.ChangedFile f : runFiles) {
      if (InstallHooks.runs(change.after(), f.path()) && told.add(f.path())) {
        if (!f.scanned()) {
          // Not "nothing suspicious": nothing was read.
          subjects.add(f.path());
          descriptions.add("could not be scanned (" + HumanSize.format(f.size()) + ", "
              + f.notScanned() + ")");
        } else if (f.findings().isEmpty()) {
          clean.add(f.path());
        } else {
          subjects.add(f.path());
          descriptions.add(FindingWords.describe(f.findings()));
        }
      }
    }
    if (descriptions.size() == 1) {
      part.append(", which ").append(descriptions.getFirst());
    } else if (!descriptions.isEmpty()) {
      List<String> each = new ArrayList<>();
      for (int i = 0; i < subjects.size(); i++) {
        each.add(subjects.get(i) + " " + descriptions.get(i));
      }
      part.append(": ").append(FindingWords.and(each));
    }
    if (!clean.isEmpty()) {
      part.append(descriptions.isEmpty() ? " (nothing suspicious found in "
          : ", and nothing suspicious in ").append(FindingWords.and(clean))
          .append(descriptions.isEmpty() ? ")" : "");
    }
  }

  private static String changedWord(ContentFacts.ChangedFile f) {
    return f.change() == ContentFacts.Change.ADDED ? "was added" : "changed";
  }

  private static String whatItDoes(ContentFacts.ChangedFile f) {
    if (!f.scanned()) {
      return " (" + HumanSize.format(f.size()) + ", " + f.notScanned() + ")";
    }
    return f.findings().isEmpty() ? " (nothing suspicious found in it)"
        : " and now " + FindingWords.describe(f.findings());
  }
}
