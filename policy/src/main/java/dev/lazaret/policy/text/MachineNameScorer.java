package dev.lazaret.policy.text;

import java.util.Objects;

/**
 * Scores how machine-generated an account name looks, from 0 (reads like a person's handle) to 1
 * (random): a logistic regression over {@link NameFeatures} (letter-model bits per letter from
 * {@link CharNgramModel}, digit placement, separators, repeats, length), fitted by
 * {@code NameModelTrainer} (test code) on real account names against random ones and shipped as
 * {@link NameModelFile#RESOURCE}. Numbers and provenance in docs/POLICY.md. A high score alone
 * proves nothing: some real handles ({@code gjbkz}) look random; the policy uses the score only
 * with weak history.
 */
public final class MachineNameScorer {

  private final CharNgramModel letters;
  private final LogisticModel weights;

  private MachineNameScorer(CharNgramModel letters, LogisticModel weights) {
    this.letters = Objects.requireNonNull(letters, "letters");
    this.weights = Objects.requireNonNull(weights, "weights");
    if (weights.size() != NameFeatures.NAMES.size()) {
      throw new IllegalArgumentException("weights for " + weights.size() + " features, expected "
          + NameFeatures.NAMES.size());
    }
  }

  /** The shipped, pre-trained scorer, read from the jar at first use (a few milliseconds). */
  public static MachineNameScorer bundled() {
    return Bundled.INSTANCE;
  }

  /** A scorer from a letter model and fitted weights (the trainer's and the file's door). */
  static MachineNameScorer of(CharNgramModel letters, LogisticModel weights) {
    return new MachineNameScorer(letters, weights);
  }

  /** The score of {@code name}, in [0, 1]. */
  public double score(String name) {
    return weights.probability(NameFeatures.of(name, letters));
  }

  CharNgramModel letters() {
    return letters;
  }

  LogisticModel weights() {
    return weights;
  }

  /** Reads the bundled model on first use only. */
  private static final class Bundled {
    static final MachineNameScorer INSTANCE = NameModelFile.loadBundled();
  }
}
