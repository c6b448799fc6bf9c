package dev.lazaret.policy.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.PolicySettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Measures the machine-name scorer on a labelled set: real maintainer handles against names from
 * {@link CampaignNameGenerator}. Prints precision, recall and ROC AUC; the numbers go into
 * docs/POLICY.md. Note the weights were chosen looking at this same set: it is a sanity floor,
 * not an unbiased estimate.
 */
class NameScorerEvaluationTest {

  static List<String> load(String resource) {
    try (InputStream in = NameScorerEvaluationTest.class.getResourceAsStream(resource)) {
      List<String> out = new ArrayList<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.startsWith("#")) {
          for (String w : line.trim().split("\\s+")) {
            if (!w.isEmpty()) {
              out.add(w);
            }
          }
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void separatesRealHandlesFromGeneratedNames() {
    MachineNameScorer scorer = MachineNameScorer.bundled();
    List<String> real = load("real-maintainers.txt");
    List<String> generated = load("generated-names.txt");
    double threshold = PolicySettings.DEFAULT_MACHINE_NAME_THRESHOLD;
    double[] realScores = real.stream().mapToDouble(scorer::score).toArray();
    double[] genScores = generated.stream().mapToDouble(scorer::score).toArray();

    long tp = java.util.Arrays.stream(genScores).filter(s -> s >= threshold).count();
    long fp = java.util.Arrays.stream(realScores).filter(s -> s >= threshold).count();
    double precision = tp / (double) (tp + fp);
    double recall = tp / (double) generated.size();
    double auc = 0;
    for (double g : genScores) {
      for (double h : realScores) {
        auc += g > h ? 1 : g == h ? 0.5 : 0;
      }
    }
    auc /= (double) genScores.length * realScores.length;
    List<String> flaggedReal = new ArrayList<>();
    for (int i = 0; i < real.size(); i++) {
      if (realScores[i] >= threshold) {
        flaggedReal.add(real.get(i));
      }
    }
    System.out.printf(Locale.ROOT, "machine-name scorer: %d real, %d generated, threshold %.2f:"
            + " precision %.3f, recall %.3f, ROC AUC %.3f%nreal names over threshold: %s%n",
        real.size(), generated.size(), threshold, precision, recall, auc, flaggedReal);

    assertThat(real).hasSizeGreaterThanOrEqualTo(150);
    assertThat(generated).hasSizeGreaterThanOrEqualTo(150);
    assertThat(auc).isGreaterThanOrEqualTo(0.9);
    assertThat(recall).isGreaterThanOrEqualTo(0.85);
    assertThat(precision).isGreaterThanOrEqualTo(0.8);
  }
}
