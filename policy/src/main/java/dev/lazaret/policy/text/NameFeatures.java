package dev.lazaret.policy.text;

import java.util.List;
import java.util.Locale;

/**
 * The numbers the name scorer weighs, in {@link #NAMES} order: how un-English the letters are
 * (bits per letter, alone and times the log of the length, since a long name that costs many bits
 * is rarer among people than a short one) and the {@link NameShape} of the name. The weights come
 * from {@code NameModelTrainer} (test code), not from here. Reading digits as leetspeak letters
 * ({@code h0tc0d3}) was tried and dropped: it made {@code d4ugwerp} read as a word.
 */
final class NameFeatures {

  /** Feature names, written into the model file so a mismatched file fails to load. */
  static final List<String> NAMES = List.of("bits-per-letter", "letter-digit-switches",
      "inner-switches", "separator", "vowel-ratio", "max-consonant-run", "trailing-number",
      "digit-fraction", "log-length", "short", "repeats", "max-digit-run",
      "bits-times-log-length");

  /** Names of four characters or fewer are initials more often than anything else. */
  private static final int SHORT_LENGTH = 4;
  /** Caps keep one odd property from dominating the sum. */
  private static final int MAX_REPEATS = 4;
  private static final int MAX_DIGIT_RUN = 6;

  private NameFeatures() {
  }

  /** The feature vector of {@code name} under the letter model {@code letters}. */
  static double[] of(String name, CharNgramModel letters) {
    String lower = name.toLowerCase(Locale.ROOT);
    NameShape shape = NameShape.of(lower);
    int edgeNumbers = (shape.trailingNumber() ? 1 : 0) + (shape.leadingNumber() ? 1 : 0);
    int length = shape.length();
    double bits = letters.bitsPerSymbol(lower);
    double logLength = StrictMath.log(Math.max(length, 1));
    return new double[] {
        bits,
        shape.digitTransitions(),
        Math.max(0, shape.digitTransitions() - edgeNumbers),
        shape.separators() > 0 ? 1 : 0,
        shape.vowelRatio(),
        shape.maxConsonantRun(),
        shape.trailingNumber() ? 1 : 0,
        length == 0 ? 0 : (double) shape.digits() / length,
        logLength,
        length <= SHORT_LENGTH ? 1 : 0,
        Math.min(shape.repeats(), MAX_REPEATS),
        Math.min(shape.maxDigitRun(), MAX_DIGIT_RUN),
        bits * logLength,
    };
  }
}
