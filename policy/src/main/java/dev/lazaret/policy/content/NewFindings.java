package dev.lazaret.policy.content;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which findings a file's new content adds to its previous content, by meaning: a file that
 * already made network calls does not newly "make a network call" because a line around the call
 * was edited (an install script updating its version string), but a file that newly reads
 * {@code ~/.npmrc}, or is newly obfuscated, does. This is what makes findings "new relative to
 * the file's previous content" in {@link ContentFacts.ChangedFile#findings()}.
 */
public final class NewFindings {

  private NewFindings() {
  }

  /**
   * The findings of {@code after} whose meaning (kind and what {@link FindingPhrases} says, e.g.
   * "reads ~/.npmrc") no finding of {@code before} has; all of {@code after} for an added file
   * ({@code before} empty).
   */
  public static List<CodeFinding> of(List<CodeFinding> before, List<CodeFinding> after) {
    Set<String> known = new HashSet<>();
    before.forEach(f -> known.add(FindingPhrases.of(f)));
    return after.stream().filter(f -> !known.contains(FindingPhrases.of(f))).toList();
  }
}
