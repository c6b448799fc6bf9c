package dev.lazaret.policy.content;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What Lazaret found inside one version's tarball, compared with the previous allowed release:
 * the content side of a version's facts, gathered in the background and supplied with the
 * evidence. Judged relative to the package's history: only what this version added or changed.
 *
 * @param failure                why the tarball could not be inspected in full (an archive
 *                               past a cap, a malformed archive), or {@code null}
 * @param previousVersion        the version compared against, or {@code null} (the first)
 * @param installScripts         this version's install scripts, hook to command
 * @param previousInstallScripts the previous version's install scripts (empty if none)
 * @param changed                files added or changed, with the findings new in them
 * @param addedNativeBinaries    native binaries this version adds (paths)
 * @param addedDependencies      dependencies this version adds, with what is known of each
 */
public record ContentFacts(
    String failure,
    String previousVersion,
    Map<String, String> installScripts,
    Map<String, String> previousInstallScripts,
    List<ChangedFile> changed,
    List<String> addedNativeBinaries,
    List<AddedDependency> addedDependencies) {

  /** Copies the collections. */
  public ContentFacts {
    installScripts = Map.copyOf(installScripts);
    previousInstallScripts = Map.copyOf(previousInstallScripts);
    changed = List.copyOf(changed);
    addedNativeBinaries = List.copyOf(addedNativeBinaries);
    addedDependencies = List.copyOf(addedDependencies);
  }

  /** A tarball that could not be inspected in full, for {@code why}. */
  public static ContentFacts failed(String why, String previousVersion) {
    return new ContentFacts(Objects.requireNonNull(why, "why"), previousVersion, Map.of(),
        Map.of(), List.of(), List.of(), List.of());
  }

  /** Whether the whole tarball was read. */
  public boolean complete() {
    return failure == null;
  }

  /** Every finding in added or changed files. */
  public List<CodeFinding> findings() {
    return changed.stream().flatMap(f -> f.findings().stream()).toList();
  }

  /** How a file differs from the previous release. */
  public enum Change {
    /** Not in the previous release. */
    ADDED,
    /** In the previous release with other content. */
    CHANGED
  }

  /**
   * A file added or changed.
   *
   * @param path          the path without {@code package/}
   * @param change        added or changed
   * @param size          bytes now
   * @param previousSize  bytes before (0 if added)
   * @param runAtInstall  whether an install script runs this file
   * @param findings      findings in this file that its previous content did not have
   * @param notScanned    why a file that would have been scanned was not ("too large to scan",
   *                      "not text", "past the scanning budget"), or {@code null} if it was
   *                      scanned or is not code; {@code null} in records stored before the
   *                      field existed, which were scanned or not code as far as they knew
   */
  public record ChangedFile(String path, Change change, long size, long previousSize,
      boolean runAtInstall, List<CodeFinding> findings, String notScanned) {

    /** Copies the findings. */
    public ChangedFile {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(change, "change");
      findings = List.copyOf(findings);
    }

    /** Whether the file's new content was scanned (or is not code, so there was nothing to). */
    public boolean scanned() {
      return notScanned == null;
    }
  }

  /**
   * A dependency this version adds, and what was known of it when the version was inspected.
   *
   * @param name    the dependency's name
   * @param range   the range depended on
   * @param created when that package was created, or {@code null} if it could not be learned
   * @param held    whether every version matching the range is held by the quarantine (nothing
   *                it admits can be installed yet)
   * @param risky   whether a version matching the range is held or blocked as risky
   */
  public record AddedDependency(String name, String range, Instant created, boolean held,
      boolean risky) {

    /** Validates that the name and range are present. */
    public AddedDependency {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(range, "range");
    }
  }
}
