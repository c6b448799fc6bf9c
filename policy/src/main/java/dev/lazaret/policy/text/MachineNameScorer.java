package dev.lazaret.policy.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Scores how machine-generated an account name looks, from 0 (reads like words) to 1 (random):
 * a logistic combination of the {@link CharNgramModel} cost in bits per letter and the
 * {@link NameShape} letter/digit interleaving. Weights were set by hand on the labelled set in
 * {@code src/test/resources} (numbers in docs/POLICY.md). A high score alone proves nothing:
 * {@code tj} and {@code ljharb} score high; the policy uses the score only with weak history.
 */
public final class MachineNameScorer {

  /** Bits per letter at which the language model alone puts a name on the fence. */
  private static final double BITS_MIDPOINT = 7.0;
  /** How fast the score rises per extra bit. */
  private static final double BITS_WEIGHT = 0.8;
  /** Weight of each letter/digit switch beyond the first (a trailing number is common). */
  private static final double TRANSITION_WEIGHT = 2.0;

  private final CharNgramModel model;

  private MachineNameScorer(CharNgramModel model) {
    this.model = model;
  }

  /** The scorer trained on the bundled word lists (provenance in docs/POLICY.md). */
  public static MachineNameScorer bundled() {
    return Bundled.INSTANCE;
  }

  /** A scorer trained on {@code words}. */
  public static MachineNameScorer trainedOn(Collection<String> words) {
    return new MachineNameScorer(CharNgramModel.trainedOn(words));
  }

  /** The score of {@code name}, in [0, 1]. */
  public double score(String name) {
    NameShape shape = NameShape.of(name);
    double z = BITS_WEIGHT * (model.bitsPerSymbol(name) - BITS_MIDPOINT)
        + TRANSITION_WEIGHT * Math.max(0, shape.digitTransitions() - 1);
    return 1 / (1 + Math.exp(-z));
  }

  /** Trains the bundled model on first use only. */
  private static final class Bundled {
    static final MachineNameScorer INSTANCE;

    static {
      List<String> words = new ArrayList<>(WordList.load("english-words.txt"));
      words.addAll(WordList.load("dev-words.txt"));
      INSTANCE = trainedOn(words);
    }
  }
}
