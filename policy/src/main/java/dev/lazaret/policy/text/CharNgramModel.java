package dev.lazaret.policy.text;

import java.util.Collection;

/**
 * A character 4-gram language model over {@code a-z}, smoothed by recursive Dirichlet back-off
 * (each order mixes in the next lower order with weight {@link #ALPHA}), so unseen letter
 * combinations get small but non-zero probability. Trained once on a word list; answers how many
 * bits per letter a string costs: English-like names are cheap, random strings expensive.
 */
public final class CharNgramModel {

  /** Symbols: 0 is the word boundary, 1..26 the letters. */
  private static final int SYMBOLS = 27;
  /** Back-off weight: how strongly each order leans on the next lower one. */
  private static final double ALPHA = 2.0;
  /** The cost charged for a string with no letters at all. */
  private static final double NO_LETTERS_BITS = 8.0;

  private final long[] uni = new long[SYMBOLS];
  private final long[] bi = new long[SYMBOLS * SYMBOLS];
  private final long[] tri = new long[SYMBOLS * SYMBOLS * SYMBOLS];
  private final long[] quad = new long[SYMBOLS * SYMBOLS * SYMBOLS * SYMBOLS];
  private final long[] ctx1 = new long[SYMBOLS];
  private final long[] ctx2 = new long[SYMBOLS * SYMBOLS];
  private final long[] ctx3 = new long[SYMBOLS * SYMBOLS * SYMBOLS];
  private long total;

  private CharNgramModel() {
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
      uni[s]++;
      bi[c * SYMBOLS + s]++;
      tri[(b * SYMBOLS + c) * SYMBOLS + s]++;
      quad[((a * SYMBOLS + b) * SYMBOLS + c) * SYMBOLS + s]++;
      ctx1[c]++;
      ctx2[b * SYMBOLS + c]++;
      ctx3[(a * SYMBOLS + b) * SYMBOLS + c]++;
      total++;
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

  private static double log2(double p) {
    return Math.log(p) / Math.log(2);
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
