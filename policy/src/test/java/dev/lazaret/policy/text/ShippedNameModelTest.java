package dev.lazaret.policy.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The shipped name model is exactly what the trainer makes from the shipped inputs. */
class ShippedNameModelTest {

  @Test
  void shippedResourceIsTheTrainersOutput() throws IOException {
    byte[] shipped;
    try (InputStream in = NameModelFile.class.getResourceAsStream(NameModelFile.RESOURCE)) {
      assertThat(in).as("resource " + NameModelFile.RESOURCE).isNotNull();
      shipped = in.readAllBytes();
    }
    assertThat(shipped)
        .as("the shipped name model differs from the trainer's output: run NameModelTrainer"
            + " (test classpath) from the repository root and commit the file")
        .isEqualTo(NameModelTrainer.bytes(NameModelTrainer.train()));
  }

  @Test
  void loadsWithoutTrainingAndScoresAsTrained() {
    long start = System.nanoTime();
    MachineNameScorer loaded = NameModelFile.loadBundled();
    long micros = (System.nanoTime() - start) / 1000;
    System.out.printf(Locale.ROOT, "name model loaded in %.1f ms%n", micros / 1000.0);

    MachineNameScorer trained = NameModelTrainer.train();
    for (String name : new String[] {"tj", "ljharb", "5t7crz72", "d4ugwerp", "h0tc0d3"}) {
      assertThat(loaded.score(name)).as(name).isEqualTo(trained.score(name));
    }
  }
}
