package dev.lazaret.policy.text;

import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Collection;

/**
 * A character 4-gram language model over {@code a-z}, smoothed by recursive Dirichlet back-off
 * (each order mixes in the next lower order with weight {@link #ALPHA}), so unseen letter
 * combinations get small but non-zero probability. Trained once on a word list; answers how many
 * bits per letter a string costs: English-like names are cheap, random strings expensive.
 *
 * <p>Only the 4-gram counts are stored ({@link #writeTo}); every lower order and context count is
 * their sum, so {@link #readFrom} rebuilds them in one pass instead of re-reading the word lists.
 */
public final class CharNgramModel {

  /** Symbols: 0 is the word boundary, 1..26 the letters. */
  private static final int SYMBOLS = 27;
  /** Back-off weight: how strongly each order leans on the next lower one. */
  private static final double ALPHA = 2.0;
  /** Bound on the stored table (it is about 80 KiB): a damaged length fails instead of OOM. */
  private static final int MAX_TABLE_BYTES = 16 << 20;
  /** The cost charged for a string with no letters at all. */
  private static final double NO_LETTERS_BITS = 8.0;

  // Counts are ints, half the memory of longs: the word lists have well under 2^31 letters.
  private final int[] uni = new int[SYMBOLS];
  private final int[] bi = new int[SYMBOLS * SYMBOLS];
  private final int[] tri = new int[SYMBOLS * SYMBOLS * SYMBOLS];
  private final int[] quad = new int[SYMBOLS * SYMBOLS * SYMBOLS * SYMBOLS];
  private final int[] ctx1 = new int[SYMBOLS];
  private final int[] ctx2 = new int[SYMBOLS * SYMBOLS];
  private final int[] ctx3 = new int[SYMBOLS * SYMBOLS * SYMBOLS];
  private long total;

  private CharNgramModel() {
  }

  /** Reads a model written by {@link #writeTo}. */
  public static CharNgramModel readFrom(DataInput in) throws IOException {
    CharNgramModel model = new CharNgramModel();
    int entries = in.readInt();
    int size = in.readInt();
    if (entries < 0 || entries > model.quad.length || size < 0 || size > MAX_TABLE_BYTES) {
      throw new IOException("bad 4-gram table header: " + entries + " entries, " + size + " bytes");
    }
    byte[] table = new byte[size];
    in.readFully(table);
    // Decoded from an array: per-byte stream calls made loading several times slower.
    VarInt.Decoder decoder = new VarInt.Decoder(table);
    int index = -1;
    for (int i = 0; i < entries; i++) {
      long gap = decoder.next();
      long count = decoder.next();
      index += 1 + (int) Math.min(gap, model.quad.length);
      // Every count is at most the total, so a total within int range keeps them all in range.
      if (index >= model.quad.length || count <= 0 || count > Integer.MAX_VALUE - model.total) {
        throw new IOException("bad 4-gram entry " + index + " = " + count);
      }
      model.addCount(index, (int) count);
    }
    if (decoder.position() != size) {
      throw new IOException("4-gram table has " + (size - decoder.position()) + " bytes left over");
    }
    return model;
  }

  /**
   * Writes the non-zero 4-gram counts in index order, each as the gap from the previous index
   * and the count (variable-length integers, as one block): about a tenth of the dense table.
   */
  public void writeTo(DataOutput out) throws IOException {
    int entries = 0;
    ByteArrayOutputStream block = new ByteArrayOutputStream();
    DataOutputStream table = new DataOutputStream(block);
    int previous = -1;
    for (int index = 0; index < quad.length; index++) {
      if (quad[index] != 0) {
        VarInt.write(table, index - previous - 1);
        VarInt.write(table, quad[index]);
        previous = index;
        entries++;
      }
    }
    table.flush();
    out.writeInt(entries);
    out.writeInt(block.size());
    out.write(block.toByteArray());
  }

  /** Adds {@code count} events of the 4-gram at {@code index} to every order it implies. */
  private void addCount(int index, int count) {
    // index = ((a * S + b) * S + c) * S + s: each lower order is the index modulo a power of S.
    int history = index / SYMBOLS;
    quad[index] += count;
    tri[index % tri.length] += count;
    bi[index % bi.length] += count;
    uni[index % uni.length] += count;
    ctx3[history] += count;
    ctx2[history % ctx2.length] += count;
    ctx1[history % ctx1.length] += count;
    total += count;
  }

  /** A model trained on {@code words}; characters other than letters split words. */
  public static CharNgramModel trainedOn(Collection<String> words) {
    CharNgramModel model = new CharNgramModel();
    for (String word : words) {
      for (int[] segment : segments(word)) {
        model.add(segment);
      }
    }
    return model;
  }

  /**
   * The mean cost in bits of each letter (and each segment's end) of {@code text}, lowercased,
   * with non-letters treated as segment breaks.
   */
  public double bitsPerSymbol(String text) {
    double bits = 0;
    int count = 0;
    for (int[] segment : segments(text)) {
      int a = 0;
      int b = 0;
      int c = 0;
      for (int i = 0; i <= segment.length; i++) {
        int s = i < segment.length ? segment[i] : 0;
        bits -= log2(probability(a, b, c, s));
        count++;
        a = b;
        b = c;
        c = s;
      }
    }
    return count == 0 ? NO_LETTERS_BITS : bits / count;
  }

  private void add(int[] segment) {
    int a = 0;
    int b = 0;
    int c = 0;
    for (int i = 0; i <= segment.length; i++) {
      int s = i < segment.length ? segment[i] : 0;
      addCount(((a * SYMBOLS + b) * SYMBOLS + c) * SYMBOLS + s, 1);
      a = b;
      b = c;
      c = s;
    }
  }

  private double probability(int a, int b, int c, int s) {
    double p0 = 1.0 / SYMBOLS;
    double p1 = (uni[s] + ALPHA * p0) / (total + ALPHA);
    double p2 = (bi[c * SYMBOLS + s] + ALPHA * p1) / (ctx1[c] + ALPHA);
    int h2 = b * SYMBOLS + c;
    double p3 = (tri[h2 * SYMBOLS + s] + ALPHA * p2) / (ctx2[h2] + ALPHA);
    int h3 = (a * SYMBOLS + b) * SYMBOLS + c;
    return (quad[h3 * SYMBOLS + s] + ALPHA * p3) / (ctx3[h3] + ALPHA);
  }

  /** StrictMath, so that the shipped model's recorded numbers reproduce bit for bit anywhere. */
  private static double log2(double p) {
    return StrictMath.log(p) / StrictMath.log(2);
  }

  /** The runs of ASCII letters in {@code text}, as symbols 1..26. */
  private static java.util.List<int[]> segments(String text) {
    java.util.List<int[]> out = new java.util.ArrayList<>();
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    int start = -1;
    for (int i = 0; i <= lower.length(); i++) {
      boolean letter = i < lower.length() && lower.charAt(i) >= 'a' && lower.charAt(i) <= 'z';
      if (letter && start < 0) {
        start = i;
      } else if (!letter && start >= 0) {
        int[] seg = new int[i - start];
        for (int j = start; j < i; j++) {
          seg[j - start] = lower.charAt(j) - 'a' + 1;
        }
        out.add(seg);
        start = -1;
      }
    }
    return out;
  }
}
