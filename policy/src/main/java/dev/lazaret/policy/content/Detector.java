package dev.lazaret.policy.content;

import java.util.List;
import java.util.Set;

/** Finds one kind of suspicious construct in a file; each kind is its own small class. */
interface Detector {

  /**
   * The findings in {@code text}; {@code foundSoFar} holds the kinds earlier detectors found in
   * the same file, for detectors that judge a combination (download, then make executable).
   */
  List<CodeFinding> detect(SourceText text, Set<CodeFinding.Kind> foundSoFar);
}
