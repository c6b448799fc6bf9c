package dev.lazaret.policy.text;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Structural features of an account name that generated names tend to have and human handles
 * tend not to: digits interleaved with letters, long consonant runs, few vowels; and some that
 * humans have and uniform random strings rarely do: separators, repeated letters, one number at
 * the end.
 *
 * @param length            letters and digits in the name (separators not counted)
 * @param digits            how many are digits
 * @param digitTransitions  how often the name switches between a letter and a digit
 *                          ({@code fb55}: 1, {@code 5t7crz72}: 4)
 * @param maxConsonantRun   the longest run of letters other than a, e, i, o, u, y
 * @param vowelRatio        vowels (with y) among letters; 0 for a name without letters
 * @param separators        characters that are neither letters nor digits ({@code -_.})
 * @param repeats           doubled characters plus repeated character pairs
 *                          ({@code ccxxww112233}: many, {@code 5t7crz72}: 0)
 * @param maxDigitRun       the longest run of digits ({@code caroe2014}: 4)
 * @param trailingNumber    the only digits are one run at the end, after a letter
 *                          ({@code darekf77})
 * @param leadingNumber     the only digits are one run at the start ({@code 3846masa})
 */
public record NameShape(int length, int digits, int digitTransitions, int maxConsonantRun,
    double vowelRatio, int separators, int repeats, int maxDigitRun, boolean trailingNumber,
    boolean leadingNumber) {

  /** The shape of {@code name}. */
  public static NameShape of(String name) {
    String s = name.toLowerCase(Locale.ROOT);
    int length = 0;
    int digits = 0;
    int transitions = 0;
    int run = 0;
    int maxRun = 0;
    int digitRun = 0;
    int maxDigitRun = 0;
    int digitRuns = 0;
    int letters = 0;
    int vowels = 0;
    int separators = 0;
    int lastKind = 0; // 0 none, 1 letter, 2 digit
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int kind = c >= 'a' && c <= 'z' ? 1 : c >= '0' && c <= '9' ? 2 : 0;
      if (kind != 0 && lastKind != 0 && kind != lastKind) {
        transitions++;
      }
      if (kind != 0) {
        lastKind = kind;
        length++;
      } else {
        separators++;
      }
      if (kind == 2) {
        digits++;
        digitRun++;
        digitRuns += digitRun == 1 ? 1 : 0;
        maxDigitRun = Math.max(maxDigitRun, digitRun);
      } else {
        digitRun = 0;
      }
      if (kind == 1) {
        letters++;
        if ("aeiouy".indexOf(c) >= 0) {
          vowels++;
          run = 0;
        } else {
          run++;
          maxRun = Math.max(maxRun, run);
        }
      } else {
        run = 0;
      }
    }
    boolean oneRun = digitRuns == 1;
    boolean trailing = oneRun && letters > 0 && isDigit(s, s.length() - 1);
    boolean leading = oneRun && isDigit(s, 0);
    return new NameShape(length, digits, transitions, maxRun,
        letters == 0 ? 0 : (double) vowels / letters, separators, repeats(s), maxDigitRun,
        trailing, leading);
  }

  /** Doubled characters ({@code ee}) plus character pairs seen before ({@code asdasd}: 2). */
  private static int repeats(String s) {
    int doubled = 0;
    Set<String> pairs = new HashSet<>();
    int pairCount = 0;
    for (int i = 1; i < s.length(); i++) {
      doubled += s.charAt(i) == s.charAt(i - 1) ? 1 : 0;
      pairs.add(s.substring(i - 1, i + 1));
      pairCount++;
    }
    return doubled + pairCount - pairs.size();
  }

  private static boolean isDigit(String s, int i) {
    return i >= 0 && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
  }
}
