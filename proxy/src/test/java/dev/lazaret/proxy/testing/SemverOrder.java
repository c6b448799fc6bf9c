package dev.lazaret.proxy.testing;

import java.util.Comparator;

/**
 * Orders plain {@code major.minor.patch[-pre]} versions the way npm does, enough to pick a
 * {@code latest} tag; build metadata and exotic ranges are out of scope for generated packages.
 */
final class SemverOrder implements Comparator<String> {

  static final SemverOrder INSTANCE = new SemverOrder();

  private SemverOrder() {
  }

  static boolean isPrerelease(String version) {
    return core(version).length() != version.length();
  }

  @Override
  public int compare(String a, String b) {
    String[] left = core(a).split("\\.");
    String[] right = core(b).split("\\.");
    for (int i = 0; i < Math.max(left.length, right.length); i++) {
      int cmp = Long.compare(number(left, i), number(right, i));
      if (cmp != 0) {
        return cmp;
      }
    }
    // A release sorts after its own prereleases: 1.0.0-beta < 1.0.0.
    boolean preA = isPrerelease(a);
    boolean preB = isPrerelease(b);
    if (preA != preB) {
      return preA ? -1 : 1;
    }
    return a.compareTo(b);
  }

  private static String core(String version) {
    int dash = version.indexOf('-');
    return dash < 0 ? version : version.substring(0, dash);
  }

  private static long number(String[] parts, int i) {
    return i < parts.length ? Long.parseLong(parts[i]) : 0;
  }
}
