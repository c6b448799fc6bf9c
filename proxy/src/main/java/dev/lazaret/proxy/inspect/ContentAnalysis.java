package dev.lazaret.proxy.inspect;

import dev.lazaret.policy.content.CodeScanner;
import dev.lazaret.policy.content.ContentFacts;
import java.util.List;
import java.util.Map;

/**
 * Turns two unpacked tarballs (the previous release's and this version's) into the
 * {@link ContentFacts} the quarantine judges: what was added or changed, the findings new in it,
 * the install scripts, the native binaries and dependencies added.
 */
public final class ContentAnalysis {

  /** What is known of a dependency a version adds (its age, whether it is held or risky). */
  public interface Dependencies {
    /** The standing of {@code name} at {@code range}, as of now. */
    ContentFacts.AddedDependency standing(String name, String range);
  }

  private final CodeScanner scanner;

  /** An analysis scanning changed files with {@code scanner}. */
  public ContentAnalysis(CodeScanner scanner) {
    this.scanner = scanner;
  }

  /**
   * The content facts of {@code after} compared with {@code before} (null for a first release,
   * then everything is added), looking up added dependencies in {@code dependencies}.
   */
  public ContentFacts analyze(String previousVersion, Unpacked before, Unpacked after,
      Dependencies dependencies) {
    Inspection now = after.inspection();
    if (!now.complete()) {
      return ContentFacts.failed(now.incomplete(), previousVersion);
    }
    // TODO(issue 13 §2): files, findings, binaries and dependencies; the seam only, for now.
    return new ContentFacts(null, previousVersion, now.installScripts(),
        before == null ? Map.of() : before.inspection().installScripts(), List.of(), List.of(),
        List.of());
  }
}
