package dev.lazaret.policy.text;

import java.io.BufferedInputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The trained name model as shipped in the jar ({@link #RESOURCE}): a header, the feature names,
 * the logistic weights and the letter model's counts. Written by {@code NameModelTrainer} (test
 * code), read at first use by {@link MachineNameScorer#bundled()}; nothing is trained at start.
 */
final class NameModelFile {

  /** The resource next to this class. */
  static final String RESOURCE = "name-model.bin";
  /** "LZNM": Lazaret name model. */
  private static final int MAGIC = 0x4c5a4e4d;
  private static final int VERSION = 1;

  private NameModelFile() {
  }

  /** Writes {@code letters} and {@code weights} in the shipped format. */
  static void write(DataOutput out, CharNgramModel letters, LogisticModel weights)
      throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeInt(NameFeatures.NAMES.size());
    for (String feature : NameFeatures.NAMES) {
      out.writeUTF(feature);
    }
    writeDoubles(out, weights.means());
    writeDoubles(out, weights.scales());
    writeDoubles(out, weights.weights());
    out.writeDouble(weights.bias());
    letters.writeTo(out);
  }

  /** The bundled scorer; a missing or damaged resource is a build error, reported as such. */
  static MachineNameScorer loadBundled() {
    try (InputStream raw = NameModelFile.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException("policy resource missing from the jar: " + RESOURCE);
      }
      return read(new DataInputStream(new BufferedInputStream(raw, 1 << 16)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read policy resource " + RESOURCE, e);
    }
  }

  /** Reads a model written by {@link #write}. */
  static MachineNameScorer read(DataInput in) throws IOException {
    if (in.readInt() != MAGIC) {
      throw new IOException("not a name model file");
    }
    int version = in.readInt();
    if (version != VERSION) {
      throw new IOException("name model version " + version + ", expected " + VERSION);
    }
    int count = in.readInt();
    if (count != NameFeatures.NAMES.size()) {
      throw new IOException("name model has " + count + " features, expected "
          + NameFeatures.NAMES.size());
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add(in.readUTF());
    }
    if (!names.equals(NameFeatures.NAMES)) {
      throw new IOException("name model features " + names + ", expected " + NameFeatures.NAMES);
    }
    double[] means = readDoubles(in, count);
    double[] scales = readDoubles(in, count);
    double[] weights = readDoubles(in, count);
    double bias = in.readDouble();
    LogisticModel logistic = new LogisticModel(means, scales, weights, bias);
    return MachineNameScorer.of(CharNgramModel.readFrom(in), logistic);
  }

  private static void writeDoubles(DataOutput out, double[] values) throws IOException {
    for (double value : values) {
      out.writeDouble(value);
    }
  }

  private static double[] readDoubles(DataInput in, int count) throws IOException {
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      values[i] = in.readDouble();
    }
    return values;
  }
}
