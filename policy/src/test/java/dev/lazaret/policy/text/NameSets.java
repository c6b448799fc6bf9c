package dev.lazaret.policy.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The labelled name sets, kept apart: real account names split by a hash into a half the trainer
 * fits and tunes on and a half only the evaluation sees; random names from separate seeds for
 * fitting and for evaluation. Provenance in the resource files' headers and docs/POLICY.md.
 */
final class NameSets {

  static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";
  /** Seeds of the random names the trainer fits on; the evaluation uses {@link #EVAL_SEED}. */
  static final long FIT_SEED = 20261205L;
  static final long FIT_CAMPAIGN_SEED = 20261204L;
  static final long EVAL_SEED = 20261206L;
  /** The campaign's own account names, always in the evaluation. */
  static final List<String> CAMPAIGN_EXAMPLES = List.of("5t7crz72", "d4ugwerp");

  private NameSets() {
  }

  /** Whitespace-separated entries of a test resource next to this class; {@code #} comments. */
  static List<String> load(String resource) {
    try (InputStream in = NameSets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("test resource missing: " + resource);
      }
      List<String> out = new ArrayList<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.startsWith("#")) {
          for (String w : line.trim().split("\\s+")) {
            if (!w.isEmpty()) {
              out.add(w);
            }
          }
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True for the half of real names that only the evaluation sees (CRC32 of the name is odd). */
  static boolean heldOut(String name) {
    CRC32 crc = new CRC32();
    crc.update(name.getBytes(StandardCharsets.UTF_8));
    return (crc.getValue() & 1) == 1;
  }

  /** Real names the trainer fits and tunes on: both lists' names that are not held out. */
  static List<String> fitReal() {
    Set<String> names = new LinkedHashSet<>(load("account-names.txt"));
    names.addAll(load("real-maintainers.txt"));
    return names.stream().filter(n -> !heldOut(n)).toList();
  }

  /** The held-out real names: the acceptance numbers are measured on these only. */
  static List<String> heldOutReal() {
    return load("account-names.txt").stream().filter(NameSets::heldOut).distinct().toList();
  }

  /**
   * Real names gathered after the scorer's design was settled ({@code late-account-names.txt}):
   * a check that the held-out numbers did not profit from design choices made while looking.
   */
  static List<String> lateReal() {
    return load("late-account-names.txt");
  }

  /** Random names the trainer fits on: uniform 8-12 alphanumerics and campaign-style names. */
  static List<String> fitRandom() {
    List<String> names = new ArrayList<>(random(FIT_SEED, 1500, 8, 12));
    names.addAll(CampaignNameGenerator.generate(FIT_CAMPAIGN_SEED, 400));
    return names;
  }

  /** The evaluation's random names: uniform 8-12 alphanumerics plus the campaign's examples. */
  static List<String> evalRandom() {
    List<String> names = new ArrayList<>(random(EVAL_SEED, 1000, 8, 12));
    names.addAll(CAMPAIGN_EXAMPLES);
    return names;
  }

  /** {@code count} names of uniform random {@code [a-z0-9]} of the given lengths. */
  static List<String> random(long seed, int count, int minLength, int maxLength) {
    Random random = new Random(seed);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int length = minLength + random.nextInt(maxLength - minLength + 1);
      StringBuilder name = new StringBuilder();
      for (int j = 0; j < length; j++) {
        name.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
      }
      names.add(name.toString());
    }
    return names;
  }
}
