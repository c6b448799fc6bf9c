package dev.lazaret.proxy.testing;

import java.time.Instant;
import java.util.Objects;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Generates npm packages with real tarballs, deterministically: the same seed and the same
 * builder calls give the same bytes. Each package and version draws from its own random
 * stream (keyed by name and version), so adding a package to a test does not change the others.
 *
 * <pre>{@code
 * GeneratedPackage pad = PackageGenerator.seeded(42).pkg("left-pad")
 *     .version("1.0.0")
 *     .version("1.1.0", v -> v.dependsOn("is-thing", "^1.0.0").publishedAgo(Duration.ofHours(2)))
 *     .done();
 * }</pre>
 */
public final class PackageGenerator {

  /** The default "now" that relative publish times count back from; fixed for determinism. */
  public static final Instant DEFAULT_NOW = Instant.parse("2025-01-01T00:00:00Z");

  // npm's rules for new names: lower case, URL-safe, optionally scoped, at most 214 characters.
  private static final Pattern NAME =
      Pattern.compile("(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*");

  private static final String[] SYLLABLES = {
      "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "za", "pe", "qu", "dor", "lin", "mar", "tek",
  };

  private final long seed;
  private final Instant now;

  private PackageGenerator(long seed, Instant now) {
    this.seed = seed;
    this.now = Objects.requireNonNull(now, "now");
  }

  /** A generator whose "now" is {@link #DEFAULT_NOW}. */
  public static PackageGenerator seeded(long seed) {
    return new PackageGenerator(seed, DEFAULT_NOW);
  }

  /** The same generator with another "now", e.g. the fake clock of the proxy under test. */
  public PackageGenerator at(Instant now) {
    return new PackageGenerator(seed, now);
  }

  /** The instant relative publish times ({@code publishedAgo}) count back from. */
  public Instant now() {
    return now;
  }

  /** Starts a package; call {@link PackageBuilder#done()} to get it. */
  public PackageBuilder pkg(String name) {
    if (name.length() > 214 || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a valid npm package name: '" + name + "'");
    }
    return new PackageBuilder(this, name);
  }

  /** The ten-package dependency tree described in {@link Corpus}, named {@code tree-*}. */
  public Corpus corpus() {
    return corpus("tree");
  }

  /** The {@link Corpus} tree with its names prefixed, so several can share one registry. */
  public Corpus corpus(String prefix) {
    return Corpus.generate(this, prefix);
  }

  /** A random stream that depends only on the seed and {@code key}, not on call order. */
  Random random(String key) {
    long h = 1125899906842597L;
    for (int i = 0; i < key.length(); i++) {
      h = 31 * h + key.charAt(i);
    }
    return new Random(seed * 0x9E3779B97F4A7C15L ^ h);
  }

  /** A pronounceable account or word, e.g. {@code "lomar"}. */
  static String word(Random random) {
    StringBuilder word = new StringBuilder();
    int syllables = 2 + random.nextInt(2);
    for (int i = 0; i < syllables; i++) {
      word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
    }
    return word.toString();
  }
}
