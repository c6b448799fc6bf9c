package dev.lazaret.policy;

import dev.lazaret.policy.content.CodeScanner;
import dev.lazaret.policy.content.ContentFacts;
import dev.lazaret.policy.content.NewFindings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link ContentFacts} for tests the way the proxy does: files are given as text and
 * scanned with the real {@link CodeScanner} (a file's previous text, if given, is scanned too and
 * only {@link NewFindings} kept, as the proxy keeps only findings new in this version).
 */
public final class Contents {

  private static final CodeScanner SCANNER = new CodeScanner();

  private final String previousVersion;
  private final Map<String, String> scripts = new LinkedHashMap<>();
  private final Map<String, String> previousScripts = new LinkedHashMap<>();
  private final List<ContentFacts.ChangedFile> changed = new ArrayList<>();
  private final List<String> binaries = new ArrayList<>();
  private final List<ContentFacts.AddedDependency> dependencies = new ArrayList<>();

  private Contents(String previousVersion) {
    this.previousVersion = previousVersion;
  }

  /** Content compared with {@code previousVersion} (null for a first release). */
  public static Contents since(String previousVersion) {
    return new Contents(previousVersion);
  }

  /** This version's {@code hook} runs {@code command}. */
  public Contents hook(String hook, String command) {
    scripts.put(hook, command);
    return this;
  }

  /** The previous version's {@code hook} ran {@code command}. */
  public Contents previousHook(String hook, String command) {
    previousScripts.put(hook, command);
    return this;
  }

  /** The same {@code hook} and {@code command} in both versions. */
  public Contents sameHook(String hook, String command) {
    return hook(hook, command).previousHook(hook, command);
  }

  /** A file added with {@code text}. */
  public Contents added(String path, String text, boolean runAtInstall) {
    changed.add(new ContentFacts.ChangedFile(path, ContentFacts.Change.ADDED, text.length(), 0,
        runAtInstall, SCANNER.scan(path, text), null));
    return this;
  }

  /**
   * A file of {@code size} bytes added that could not be scanned, {@code why} ("too large to
   * scan").
   */
  public Contents addedUnscanned(String path, long size, boolean runAtInstall, String why) {
    changed.add(new ContentFacts.ChangedFile(path, ContentFacts.Change.ADDED, size, 0,
        runAtInstall, List.of(), why));
    return this;
  }

  /** A file changed from {@code before} to {@code after}; only new findings are kept. */
  public Contents changed(String path, String before, String after, boolean runAtInstall) {
    var now = NewFindings.of(SCANNER.scan(path, before), SCANNER.scan(path, after));
    changed.add(new ContentFacts.ChangedFile(path, ContentFacts.Change.CHANGED, after.length(),
        before.length(), runAtInstall, now, null));
    return this;
  }

  /** A native binary added at {@code path}. */
  public Contents binary(String path) {
    binaries.add(path);
    return this;
  }

  /** A dependency added. */
  public Contents dependency(String name, String range, Instant created, boolean held,
      boolean risky) {
    dependencies.add(new ContentFacts.AddedDependency(name, range, created, held, risky));
    return this;
  }

  /** The facts. */
  public ContentFacts build() {
    return new ContentFacts(null, previousVersion, scripts, previousScripts, changed, binaries,
        dependencies);
  }
}
