package dev.lazaret.policy.signal;

import static dev.lazaret.policy.content.CodeFinding.Kind.DOWNLOAD_AND_RUN;
import static dev.lazaret.policy.content.CodeFinding.Kind.DYNAMIC_EVAL;
import static dev.lazaret.policy.content.CodeFinding.Kind.ENCODED_BLOB;
import static dev.lazaret.policy.content.CodeFinding.Kind.NETWORK_CALL;
import static dev.lazaret.policy.content.CodeFinding.Kind.OBFUSCATION;
import static dev.lazaret.policy.content.CodeFinding.Kind.SECRET_READ;

import dev.lazaret.policy.SignalId;
import dev.lazaret.policy.SignalResult;
import dev.lazaret.policy.content.CodeFinding;
import dev.lazaret.policy.content.CodeScanner;
import dev.lazaret.policy.content.ContentFacts;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Significant new findings in what the version added or changed. Judged by kind and by where:
 * <ul>
 *   <li>obfuscation, download-and-run and evaluation of decoded text count anywhere;</li>
 *   <li>in a file run at install (or a new install command), network calls and secret reads
 *       count too, and encoded data with anything else;</li>
 *   <li>elsewhere, two of secret read, network call and encoded data in one file count (read and
 *       send, or hide and send), except in tests, examples and fixtures, where they are
 *       ordinary;</li>
 *   <li>a network call alone in library code (an HTTP client's index.js), a single environment
 *       variable, or encoded data alone (an inlined image or wasm) never count;</li>
 *   <li>a file run at install that was added or changed but could not be scanned (too large,
 *       not text) counts: what would run at install cannot be vouched for, so the check fails
 *       closed (Shai-Hulud's postinstall ran a 3.6 MB bundle).</li>
 * </ul>
 */
public final class SuspiciousCode implements Signal {

  /** Kinds that count wherever they are. */
  private static final Set<CodeFinding.Kind> STRONG = EnumSet.of(OBFUSCATION, DOWNLOAD_AND_RUN,
      DYNAMIC_EVAL);
  /** Kinds that count in pairs outside install-time files. */
  private static final Set<CodeFinding.Kind> PAIRED = EnumSet.of(SECRET_READ, NETWORK_CALL,
      ENCODED_BLOB);
  /** Files named or placed like this are tests, examples or fixtures (unless run at install). */
  private static final List<String> NOT_SHIPPED_CODE = List.of("test/", "tests/", "__tests__/",
      "spec/", "specs/", "__mocks__/", "fixtures/", "example/", "examples/", ".test.",
      ".spec.");
  /** The value's word for an install-time file that could not be scanned. */
  private static final String UNSCANNED = "unscanned install-time file";
  /** Files named in a sentence; the rest are counted. */
  private static final int MAX_FILES = 3;

  private final CodeScanner scanner;

  /** The signal, scanning install commands with the standard scanner. */
  public SuspiciousCode() {
    this(new CodeScanner());
  }

  /** The signal, scanning install commands with {@code scanner}. */
  public SuspiciousCode(CodeScanner scanner) {
    this.scanner = scanner;
  }

  @Override
  public SignalId id() {
    return SignalId.SUSPICIOUS_CODE;
  }

  /**
   * One file (or install command) with findings, or an install-time file that was not scanned,
   * and whether it is significant; {@code said} is what it does, in words.
   */
  private record Judged(String path, String how, List<CodeFinding> findings, boolean significant,
      String said) {
  }

  @Override
  public SignalResult evaluate(VersionContext c) {
    var unavailable = NotInspected.check(id(), c);
    if (unavailable.isPresent()) {
      return unavailable.get();
    }
    ContentFacts content = c.content();
    List<Judged> judged = new ArrayList<>();
    for (InstallHooks.Change change : InstallHooks.of(content, scanner).changes()) {
      if (!change.findings().isEmpty()) {
        judged.add(judge("the " + change.hook() + " command", "", change.findings(), true));
      }
    }
    for (ContentFacts.ChangedFile f : content.changed()) {
      if (!f.findings().isEmpty()) {
        String how = (f.change() == ContentFacts.Change.ADDED ? "added" : "changed")
            + (f.runAtInstall() ? ", run at install" : "");
        judged.add(judge(f.path(), how, f.findings(), f.runAtInstall()));
      }
      if (f.runAtInstall() && !f.scanned()) {
        judged.add(unscanned(f, content));
      }
    }
    List<Judged> suspicious = judged.stream().filter(Judged::significant).toList();
    String since = content.previousVersion() == null ? "in the package's first release"
        : "in what changed since " + content.previousVersion();
    if (suspicious.isEmpty()) {
      return SignalResult.quiet(id(), "none", judged.isEmpty()
          ? "Nothing suspicious " + since + "."
          : "Nothing suspicious " + since + ": " + ordinary(judged) + ".");
    }
    List<String> told = new ArrayList<>();
    for (Judged j : suspicious.subList(0, Math.min(MAX_FILES, suspicious.size()))) {
      told.add(j.findings().isEmpty() ? j.said()
          : j.path() + (j.how().isEmpty() ? "" : " (" + j.how() + ")") + " " + j.said());
    }
    if (suspicious.size() > MAX_FILES) {
      told.add((suspicious.size() - MAX_FILES) + " more files");
    }
    EnumSet<CodeFinding.Kind> kinds = EnumSet.noneOf(CodeFinding.Kind.class);
    suspicious.forEach(j -> j.findings().forEach(f -> kinds.add(f.kind())));
    List<String> values = new ArrayList<>(kinds.stream()
        .map(k -> k.name().toLowerCase(Locale.ROOT).replace('_', ' ')).toList());
    if (suspicious.stream().anyMatch(j -> j.findings().isEmpty())) {
      values.add(UNSCANNED);
    }
    return SignalResult.fired(id(), String.join(", ", values), "Suspicious code " + since + ": "
        + FindingWords.and(told) + ".", "with suspicious code in " + suspicious.getFirst().path()
        + (suspicious.size() > 1 ? " and " + (suspicious.size() - 1) + " more" : ""));
  }

  /**
   * An install-time file that could not be scanned, as significant: "postinstall runs bundle.js
   * (added, 3.6 MB), too large to scan".
   */
  private static Judged unscanned(ContentFacts.ChangedFile f, ContentFacts content) {
    String hook = content.installScripts().entrySet().stream()
        .filter(e -> InstallHooks.runs(e.getValue(), f.path())).map(Map.Entry::getKey)
        .findFirst().orElse("an install script");
    String said = hook + " runs " + f.path() + " ("
        + (f.change() == ContentFacts.Change.ADDED ? "added" : "changed") + ", "
        + HumanSize.format(f.size()) + "), " + f.notScanned();
    return new Judged(f.path(), "", List.of(), true, said);
  }

  private static Judged judge(String path, String how, List<CodeFinding> findings,
      boolean atInstall) {
    EnumSet<CodeFinding.Kind> kinds = EnumSet.noneOf(CodeFinding.Kind.class);
    findings.forEach(f -> kinds.add(f.kind()));
    boolean strong = kinds.stream().anyMatch(STRONG::contains);
    boolean significant;
    if (strong) {
      significant = true;
    } else if (atInstall) {
      significant = kinds.contains(NETWORK_CALL) || kinds.contains(SECRET_READ);
    } else {
      long paired = kinds.stream().filter(PAIRED::contains).count();
      significant = paired >= 2 && !notShipped(path);
    }
    return new Judged(path, how, findings, significant, FindingWords.describe(findings));
  }

  private static boolean notShipped(String path) {
    String p = "/" + path;
    return NOT_SHIPPED_CODE.stream().anyMatch(m -> m.endsWith("/") ? p.contains("/" + m)
        : p.substring(p.lastIndexOf('/')).contains(m));
  }

  /** What was found but is ordinary where it is, e.g. "a network call in lib/http.js". */
  private static String ordinary(List<Judged> judged) {
    List<String> each = new ArrayList<>();
    for (Judged j : judged.subList(0, Math.min(MAX_FILES, judged.size()))) {
      each.add(j.path() + " " + j.said());
    }
    if (judged.size() > MAX_FILES) {
      each.add((judged.size() - MAX_FILES) + " more files");
    }
    return FindingWords.and(each) + ", which is ordinary where it is";
  }
}
