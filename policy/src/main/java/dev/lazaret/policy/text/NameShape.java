package dev.lazaret.policy.text;

import java.util.Locale;

/**
 * Structural features of an account name that generated names tend to have and human handles
 * tend not to: digits interleaved with letters, long consonant runs, few vowels.
 *
 * @param length            characters in the name
 * @param digits            how many are digits
 * @param digitTransitions  how often the name switches between a letter and a digit
 *                          ({@code fb55}: 1, {@code 5t7crz72}: 4)
 * @param maxConsonantRun   the longest run of letters other than a, e, i, o, u, y
 * @param vowelRatio        vowels (with y) among letters; 0 for a name without letters
 */
public record NameShape(int length, int digits, int digitTransitions, int maxConsonantRun,
    double vowelRatio) {

  /** The shape of {@code name}. */
  public static NameShape of(String name) {
    String s = name.toLowerCase(Locale.ROOT);
    int digits = 0;
    int transitions = 0;
    int run = 0;
    int maxRun = 0;
    int letters = 0;
    int vowels = 0;
    int lastKind = 0; // 0 none, 1 letter, 2 digit
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int kind = c >= 'a' && c <= 'z' ? 1 : c >= '0' && c <= '9' ? 2 : 0;
      if (kind != 0 && lastKind != 0 && kind != lastKind) {
        transitions++;
      }
      if (kind != 0) {
        lastKind = kind;
      }
      if (kind == 2) {
        digits++;
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
    return new NameShape(s.length(), digits, transitions, maxRun,
        letters == 0 ? 0 : (double) vowels / letters);
  }
}
