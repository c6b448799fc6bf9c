package dev.lazaret.policy.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model file round-trips exactly, and a damaged one is a clear error, never a bad model. */
class NameModelFileTest {

  private static final int FEATURES = NameFeatures.NAMES.size();

  private static MachineNameScorer small() {
    double[] ones = new double[FEATURES];
    Arrays.fill(ones, 1);
    double[] weights = new double[FEATURES];
    weights[0] = 0.7;
    return MachineNameScorer.of(CharNgramModel.trainedOn(List.of("alpha", "beta", "gamma")),
        new LogisticModel(new double[FEATURES], ones, weights, -3));
  }

  private static MachineNameScorer read(byte[] bytes) throws IOException {
    return NameModelFile.read(new DataInputStream(new ByteArrayInputStream(bytes)));
  }

  @Test
  void writtenModelReadsBackScoringTheSame() throws IOException {
    MachineNameScorer original = small();
    byte[] bytes = NameModelTrainer.bytes(original);
    MachineNameScorer copy = read(bytes);
    for (String name : List.of("alphabet", "zq9x", "gamma-ray", "")) {
      assertThat(copy.score(name)).as(name).isEqualTo(original.score(name));
    }
    assertThat(NameModelTrainer.bytes(copy)).isEqualTo(bytes);
  }

  @Test
  void notAModelFileIsRefused() {
    assertThatThrownBy(() -> read("hello, world, this is text".getBytes()))
        .isInstanceOf(IOException.class).hasMessageContaining("not a name model file");
  }

  @Test
  void aTruncatedFileIsRefused() {
    byte[] bytes = NameModelTrainer.bytes(small());
    for (int cut : new int[] {6, 40, bytes.length - 1}) {
      assertThatThrownBy(() -> read(Arrays.copyOf(bytes, cut))).as("cut at " + cut)
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void aFileForOtherFeaturesIsRefused() throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(buffer);
    out.writeInt(0x4c5a4e4d);
    out.writeInt(1);
    out.writeInt(FEATURES);
    for (int i = 0; i < FEATURES; i++) {
      out.writeUTF("other-" + i);
    }
    assertThatThrownBy(() -> read(buffer.toByteArray())).isInstanceOf(IOException.class)
        .hasMessageContaining("features");
  }

  @Test
  void aDamagedCountTableIsRefused() {
    byte[] bytes = NameModelTrainer.bytes(small());
    // The table's byte length is the int just before the table; claim 1 GiB.
    int tableLengthAt = bytes.length - tableSize(bytes) - 4;
    bytes[tableLengthAt] = 0x40;
    assertThatThrownBy(() -> read(bytes)).isInstanceOf(IOException.class)
        .hasMessageContaining("4-gram table");
  }

  private static int tableSize(byte[] bytes) {
    // Header: magic, version, count, names, 3 arrays of doubles, bias, then entries and size.
    int at = 12;
    for (String name : NameFeatures.NAMES) {
      at += 2 + name.length();
    }
    at += 8 * (3 * FEATURES + 1) + 4;
    return ((bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16)
        | ((bytes[at + 2] & 0xff) << 8) | (bytes[at + 3] & 0xff);
  }
}
