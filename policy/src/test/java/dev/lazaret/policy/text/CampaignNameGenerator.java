package dev.lazaret.policy.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates account names like those seen in npm spam and malware campaigns ({@code 5t7crz72},
 * {@code d4ugwerp}): random lowercase strings of 6 to 10 characters, drawn three ways. A fixed
 * seed makes the evaluation set reproducible; {@code generated-names.txt} is its output.
 */
final class CampaignNameGenerator {

  static final long SEED = 20261127L;
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
  private static final String ALNUM = LETTERS + "0123456789";

  private CampaignNameGenerator() {
  }

  /** {@code count} names from {@code seed}. */
  static List<String> generate(long seed, int count) {
    Random random = new Random(seed);
    List<String> names = new ArrayList<>();
    while (names.size() < count) {
      int length = 6 + random.nextInt(5);
      int mode = random.nextInt(20);
      StringBuilder name = new StringBuilder();
      if (mode < 8) {
        // uniform alphanumeric, as most campaign generators do
        for (int i = 0; i < length; i++) {
          name.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
      } else if (mode < 15) {
        // letters with one to three digits interleaved
        for (int i = 0; i < length; i++) {
          name.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        int digits = 1 + random.nextInt(3);
        for (int i = 0; i < digits; i++) {
          name.setCharAt(random.nextInt(length), (char) ('0' + random.nextInt(10)));
        }
      } else {
        // letters only: the hard case for a scorer
        for (int i = 0; i < length; i++) {
          name.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
      }
      names.add(name.toString());
    }
    return names;
  }

  /** Prints the evaluation file's body. */
  public static void main(String[] args) {
    generate(SEED, 200).forEach(System.out::println);
  }
}
