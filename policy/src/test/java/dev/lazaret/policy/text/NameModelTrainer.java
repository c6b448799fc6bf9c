package dev.lazaret.policy.text;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the shipped name model ({@link NameModelFile#RESOURCE}) from the shipped inputs: the
 * letter model from the bundled word lists, the weights fitted on {@link NameSets#fitReal()}
 * against {@link NameSets#fitRandom()}, then the bias moved so that at the default threshold
 * (0.5) {@link #TUNE_FALSE_FLAG_RATE} of the fit half's real names are flagged. The held-out
 * names are never read here. Run {@link #main} to regenerate the resource;
 * {@code ShippedNameModelTest} fails when the file and this code disagree.
 */
final class NameModelTrainer {

  /** Share of the fit half's real names allowed at or above 0.5 (the acceptance bound is 2%). */
  static final double TUNE_FALSE_FLAG_RATE = 0.015;
  static final Path SHIPPED = Path.of(
      "policy/src/main/resources/dev/lazaret/policy/text/" + NameModelFile.RESOURCE);

  private NameModelTrainer() {
  }

  /** The trained scorer, from the shipped inputs. */
  static MachineNameScorer train() {
    List<String> words = new ArrayList<>(WordList.load("english-words.txt"));
    words.addAll(WordList.load("dev-words.txt"));
    CharNgramModel letters = CharNgramModel.trainedOn(words);
    List<double[]> real = features(NameSets.fitReal(), letters);
    List<double[]> random = features(NameSets.fitRandom(), letters);
    LogisticModel fitted = LogisticRegressionFit.fit(real, random);
    return MachineNameScorer.of(letters, tuned(fitted, real));
  }

  /** The model file's bytes for {@code scorer}. */
  static byte[] bytes(MachineNameScorer scorer) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      NameModelFile.write(out, scorer.letters(), scorer.weights());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  /**
   * Moves the bias so that the logit midway between the k-th and (k+1)-th highest real name
   * lands on 0 (score 0.5), k being {@link #TUNE_FALSE_FLAG_RATE} of the names.
   */
  private static LogisticModel tuned(LogisticModel fitted, List<double[]> real) {
    double[] logits = real.stream().mapToDouble(fitted::logit).sorted().toArray();
    int allowed = (int) Math.floor(TUNE_FALSE_FLAG_RATE * logits.length);
    int top = logits.length - 1;
    double above = allowed == 0 ? logits[top] + 1 : logits[top - allowed + 1];
    double cut = (logits[top - allowed] + above) / 2;
    return fitted.withBias(fitted.bias() - cut);
  }

  private static List<double[]> features(List<String> names, CharNgramModel letters) {
    return names.stream().map(n -> NameFeatures.of(n, letters)).toList();
  }

  /** Writes the resource; run from the repository root. Prints the fitted weights. */
  public static void main(String[] args) throws IOException {
    Path target = args.length > 0 ? Path.of(args[0]) : SHIPPED;
    MachineNameScorer scorer = train();
    Files.write(target, bytes(scorer));
    System.out.println("wrote " + target + ": " + Files.size(target) + " bytes; features "
        + NameFeatures.NAMES + " weights " + Arrays.toString(scorer.weights().weights())
        + " bias " + scorer.weights().bias());
  }
}
