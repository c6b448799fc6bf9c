package dev.lazaret.policy.text;

/**
 * The optimal-string-alignment form of Damerau-Levenshtein distance: insertions, deletions,
 * substitutions and transpositions of adjacent characters each cost one. Typosquats are mostly
 * one of these away from their target ({@code lodahs}, {@code crossenv}, {@code reacct}).
 */
public final class DamerauLevenshtein {

  private DamerauLevenshtein() {
  }

  /**
   * The distance between {@code a} and {@code b}, or {@code limit + 1} as soon as it is known to
   * exceed {@code limit} (comparing against a thousand names must stay cheap).
   */
  public static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int n = a.length();
    int m = b.length();
    int[] prev2 = new int[m + 1];
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int d = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d = Math.min(d, prev2[j - 2] + 1);
        }
        cur[j] = d;
        rowMin = Math.min(rowMin, d);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] t = prev2;
      prev2 = prev;
      prev = cur;
      cur = t;
    }
    return Math.min(prev[m], limit + 1);
  }
}
