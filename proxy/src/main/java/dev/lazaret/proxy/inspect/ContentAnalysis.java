package dev.lazaret.proxy.inspect;

import dev.lazaret.policy.content.CodeFinding;
import dev.lazaret.policy.content.ContentFacts;
import dev.lazaret.policy.content.ContentFacts.AddedDependency;
import dev.lazaret.policy.content.ContentFacts.Change;
import dev.lazaret.policy.content.ContentFacts.ChangedFile;
import dev.lazaret.policy.content.NewFindings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns two unpacked tarballs (the previous release's and this version's) into the
 * {@link ContentFacts} the quarantine judges: what was added or changed, the findings new in it,
 * the install scripts, the native binaries and dependencies added. Bounded: at most
 * {@code maxFilesScanned} files and {@code maxCharsScanned} characters (before and after
 * together) are scanned per version, the files install scripts run first.
 */
public final class ContentAnalysis {

  /** Files scanned per version by default. */
  public static final int MAX_FILES_SCANNED = 256;
  /** Characters scanned per version by default, both releases' texts counted. */
  public static final long MAX_CHARS_SCANNED = 8L << 20;
  /** Changed files listed; files that run at install or have findings are listed first. */
  static final int MAX_CHANGED_LISTED = 1_000;
  /** Findings kept per file (after repeats are dropped) and per version: bounds the record. */
  static final int MAX_FINDINGS_PER_FILE = 32;
  static final int MAX_FINDINGS = 256;
  /** Added dependencies whose standing is looked up; the others are listed as unknown. */
  static final int MAX_DEPENDENCIES_LOOKED_UP = 16;
  /** Added dependencies listed. */
  static final int MAX_DEPENDENCIES_LISTED = 128;

  /**
   * The files worth scanning for code: JavaScript, TypeScript and shell-like scripts (the
   * scanner reads JavaScript and shell; other text is prose or data, where long literals are
   * normal and would only make noise).
   */
  private static final Pattern CODE = Pattern.compile(
      ".*\\.(js|cjs|mjs|jsx|ts|cts|mts|tsx|sh|bash|zsh|ps1|bat|cmd|command)$",
      Pattern.CASE_INSENSITIVE);

  /** Finds suspicious constructs in a file's text (production: {@code CodeScanner::scan}). */
  @FunctionalInterface
  public interface Scanner {
    /** The findings in {@code text}, the content of the file at {@code path}. */
    List<CodeFinding> scan(String path, String text);
  }

  /** What is known of the dependencies a version adds (their age, whether held or risky). */
  @FunctionalInterface
  public interface Dependencies {
    /**
     * The standing of each of {@code added} (name to range) as of now, by name; a name missing
     * from the answer is listed as unknown (no creation time, not held, not risky).
     */
    Map<String, AddedDependency> standings(Map<String, String> added);

    /** Knows nothing about any dependency (every one listed as unknown). */
    static Dependencies unknown() {
      return added -> Map.of();
    }
  }

  private final Scanner scanner;
  private final int maxFilesScanned;
  private final long maxCharsScanned;

  /** An analysis scanning changed files with {@code scanner} within the default bounds. */
  public ContentAnalysis(Scanner scanner) {
    this(scanner, MAX_FILES_SCANNED, MAX_CHARS_SCANNED);
  }

  /** An analysis scanning at most {@code maxFiles} files and {@code maxChars} characters. */
  public ContentAnalysis(Scanner scanner, int maxFiles, long maxChars) {
    this.scanner = scanner;
    this.maxFilesScanned = maxFiles;
    this.maxCharsScanned = maxChars;
  }

  /**
   * The content facts of {@code after} compared with {@code before} (null for a first release,
   * then everything is added), looking up added dependencies in {@code dependencies}. An
   * incomplete inspection of {@code after} gives {@link ContentFacts#failed}: what was not read
   * cannot be vouched for.
   */
  public ContentFacts analyze(String previousVersion, Unpacked before, Unpacked after,
      Dependencies dependencies) {
    Inspection now = after.inspection();
    if (!now.complete()) {
      return ContentFacts.failed(now.incomplete(), previousVersion);
    }
    Inspection was = before == null ? null : before.inspection();
    Map<String, Inspection.FileEntry> old = byPath(was == null ? List.of() : was.files());
    Set<String> runAtInstall = ScriptFiles.paths(now.installScripts(),
        byPath(now.files())::containsKey);
    return new ContentFacts(null, previousVersion, now.installScripts(),
        was == null ? Map.of() : was.installScripts(),
        changed(now, old, runAtInstall, before, after), addedNatives(now, old),
        addedDependencies(was, now, dependencies));
  }

  private List<ChangedFile> changed(Inspection now, Map<String, Inspection.FileEntry> old,
      Set<String> runAtInstall, Unpacked before, Unpacked after) {
    List<Candidate> candidates = new ArrayList<>();
    for (Inspection.FileEntry f : now.files()) {
      Inspection.FileEntry was = old.get(f.path());
      if (was != null && was.sha256().equals(f.sha256())) {
        continue;
      }
      candidates.add(new Candidate(f, was, runAtInstall.contains(f.path())));
    }
    // What runs at install is scanned first, then the manifest (inline scripts), then added
    // files before changed ones: where a hijacked release most likely puts its payload.
    candidates.sort(Comparator.comparingInt(Candidate::priority)
        .thenComparing(c -> c.now.path()));
    Budget budget = new Budget(maxFilesScanned, maxCharsScanned);
    List<ChangedFile> out = new ArrayList<>(candidates.size());
    for (Candidate c : candidates) {
      Scan scan = scan(c, before, after, budget);
      out.add(new ChangedFile(c.now.path(), c.was == null ? Change.ADDED : Change.CHANGED,
          c.now.size(), c.was == null ? 0 : c.was.size(), c.runAtInstall, scan.findings(),
          scan.notScanned()));
    }
    if (out.size() > MAX_CHANGED_LISTED) {
      // Keep what a signal reads: files with findings and files that run at install.
      out.sort(Comparator.comparing((ChangedFile f) -> f.findings().isEmpty() && !f.runAtInstall())
          .thenComparing(ChangedFile::path));
      out = new ArrayList<>(out.subList(0, MAX_CHANGED_LISTED));
    }
    out.sort(Comparator.comparing(ChangedFile::path));
    return out;
  }

  /** A file added or changed, before it is scanned. */
  private record Candidate(Inspection.FileEntry now, Inspection.FileEntry was,
      boolean runAtInstall) {
    int priority() {
      if (runAtInstall) {
        return 0;
      }
      if (now.path().equals("package.json")) {
        return 1;
      }
      return was == null ? 2 : 3;
    }
  }

  /** What is left of the scanning bounds for one version. */
  private static final class Budget {
    private int files;
    private long chars;
    private int findings = MAX_FINDINGS;

    Budget(int files, long chars) {
      this.files = files;
      this.chars = chars;
    }

    /** Up to the findings left of {@code found}, one per kind and excerpt, counted. */
    List<CodeFinding> keep(List<CodeFinding> found) {
      Set<String> seen = new HashSet<>();
      List<CodeFinding> out = new ArrayList<>();
      for (CodeFinding f : found) {
        if (out.size() == Math.min(MAX_FINDINGS_PER_FILE, findings)) {
          break;
        }
        if (seen.add(key(f))) {
          out.add(f);
        }
      }
      findings -= out.size();
      return out;
    }

    /** Takes one file of {@code size} characters, if that fits. */
    boolean take(long size) {
      if (files <= 0 || size > chars) {
        return false;
      }
      files--;
      chars -= size;
      return true;
    }
  }

  /**
   * What scanning a file gave: its new findings, or why a file that should have been scanned
   * was not ({@link ChangedFile#notScanned()}).
   */
  private record Scan(List<CodeFinding> findings, String notScanned) {
    static final Scan NOTHING_TO_SCAN = new Scan(List.of(), null);

    static Scan not(String why) {
      return new Scan(List.of(), why);
    }
  }

  /**
   * Scans the file of {@code c} if it is code (or runs at install). A code file whose text the
   * inspection did not keep (binary, or too large) or that the budget has no room for is
   * recorded as not scanned, so that what runs at install fails closed.
   */
  private Scan scan(Candidate c, Unpacked before, Unpacked after, Budget budget) {
    String path = c.now.path();
    String text = after.texts().get(path);
    if (text == null) {
      if (!c.runAtInstall && !CODE.matcher(path).matches()) {
        return Scan.NOTHING_TO_SCAN;
      }
      return Scan.not(c.now.text() ? "too large to scan" : "not text");
    }
    if (!c.runAtInstall && !path.equals("package.json") && !CODE.matcher(path).matches()
        && !text.startsWith("#!")) {
      return Scan.NOTHING_TO_SCAN;
    }
    String previous = before == null ? null : before.texts().get(path);
    if (!budget.take(text.length() + (previous == null ? 0 : previous.length()))) {
      return Scan.not("past the scanning budget");
    }
    return new Scan(newFindings(path, text, previous, budget), null);
  }

  /**
   * The findings in the file's text now that its previous text did not have, by meaning
   * ({@link NewFindings}): code that merely moved or was edited around is not new, code that
   * reads or does something the file did not is.
   */
  private List<CodeFinding> newFindings(String path, String text, String previous,
      Budget budget) {
    List<CodeFinding> found = scanner.scan(path, text);
    if (previous == null || found.isEmpty()) {
      return budget.keep(found);
    }
    return budget.keep(NewFindings.of(scanner.scan(path, previous), found));
  }

  /** What makes two findings repeats of one construct, wherever in the file they sit. */
  private static String key(CodeFinding f) {
    return f.kind() + "\u0000" + f.excerpt();
  }

  /** Native binaries at paths where the previous release had none (a new or replaced file). */
  private static List<String> addedNatives(Inspection now,
      Map<String, Inspection.FileEntry> old) {
    List<String> out = new ArrayList<>();
    for (Inspection.FileEntry f : now.files()) {
      Inspection.FileEntry was = old.get(f.path());
      if (f.binary() && (was == null || !was.binary())) {
        out.add(f.path());
      }
    }
    out.sort(null);
    return out;
  }

  private static List<AddedDependency> addedDependencies(Inspection was, Inspection now,
      Dependencies dependencies) {
    Map<String, String> previous = was == null || was.manifest() == null ? Map.of()
        : was.manifest().dependencies();
    Map<String, String> added = new TreeMap<>();
    if (now.manifest() != null) {
      now.manifest().dependencies().forEach((name, range) -> {
        if (!previous.containsKey(name)) {
          added.put(name, range);
        }
      });
    }
    if (added.isEmpty()) {
      return List.of();
    }
    Map<String, String> lookUp = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : added.entrySet()) {
      if (lookUp.size() == MAX_DEPENDENCIES_LOOKED_UP) {
        break;
      }
      lookUp.put(e.getKey(), e.getValue());
    }
    Map<String, AddedDependency> known = new HashMap<>(dependencies.standings(lookUp));
    List<AddedDependency> out = new ArrayList<>();
    for (Map.Entry<String, String> e : added.entrySet()) {
      if (out.size() == MAX_DEPENDENCIES_LISTED) {
        break;
      }
      AddedDependency standing = known.get(e.getKey());
      out.add(standing != null ? standing
          : new AddedDependency(e.getKey(), e.getValue(), null, false, false));
    }
    return out;
  }

  private static Map<String, Inspection.FileEntry> byPath(List<Inspection.FileEntry> files) {
    Map<String, Inspection.FileEntry> out = new HashMap<>();
    files.forEach(f -> out.put(f.path(), f));
    return out;
  }
}
