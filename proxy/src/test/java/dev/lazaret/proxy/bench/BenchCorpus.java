package dev.lazaret.proxy.bench;

import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.GeneratedVersion;
import dev.lazaret.proxy.testing.PackageBuilder;
import dev.lazaret.proxy.testing.PackageGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The benchmark's registry: small packages (1-60 KiB tarballs) wired into one dependency graph,
 * medium ones with hundreds of versions, a few huge packuments (5-30 MiB, thousands of
 * versions), big tarballs up to 20 MiB, a "popular" package that the load tests hit, and bulk
 * 20 MiB tarballs that only exist to fill Lazaret's store for the start-up measurement.
 * Deterministic except for the popular package's newest versions, which are published hours
 * before the real "now" so that a quarantine has something to hold.
 *
 * @param packages   everything to publish
 * @param app        the fixture app's dependencies (name to range)
 * @param popular    the package whose packuments and small tarball are load-tested
 * @param smallTgz   path of a ~57 KiB tarball of the popular package (an old, unheld version)
 * @param largeTgz   path of the 20 MiB tarball
 * @param huge       the largest packument's package name
 * @param fresh      versions of the popular package published in the last hours
 * @param bulk       tarball paths that fill the store
 */
record BenchCorpus(List<GeneratedPackage> packages, Map<String, String> app, String popular,
    String smallTgz, String largeTgz, String huge, List<String> fresh, List<String> bulk) {

  private static final int KIB = 1024;
  private static final int MIB = 1024 * KIB;
  private static final Instant TEN_YEARS_AGO = PackageGenerator.DEFAULT_NOW
      .minus(Duration.ofDays(3650));

  /** How much of everything to generate. */
  record Profile(int small, int medium, List<int[]> hugeVersionsAndMiB, List<Integer> bigMiB,
      int appBigMaxMiB, int bulk) {

    /** A couple of minutes: enough of every kind to exercise each measurement. */
    static final Profile QUICK = new Profile(120, 10, List.of(new int[] {1500, 5}),
        List.of(2, 20), 2, 4);
    /** The real run: a few hundred packages and a store of about 1 GiB. */
    static final Profile FULL = new Profile(300, 40,
        List.of(new int[] {1500, 5}, new int[] {3000, 15}, new int[] {5000, 30}),
        List.of(2, 5, 8, 12, 16, 20), 8, 44);
  }

  /** Builds the corpus for a profile; the big pieces are generated in parallel. */
  static BenchCorpus generate(Profile profile, long seed) {
    PackageGenerator gen = PackageGenerator.seeded(seed);
    List<GeneratedPackage> packages = new ArrayList<>();
    Map<String, String> app = new LinkedHashMap<>();

    List<String> smallNames = IntStream.range(0, profile.small())
        .mapToObj(i -> i % 10 == 0 ? "@bench/s-%03d".formatted(i) : "bench-s-%03d".formatted(i))
        .toList();
    packages.addAll(IntStream.range(0, profile.small()).parallel()
        .mapToObj(i -> small(gen, smallNames, i)).toList());
    smallNames.forEach(name -> app.put(name, "^1.0.0"));

    packages.addAll(IntStream.range(0, profile.medium()).parallel()
        .mapToObj(i -> medium(gen, smallNames, i)).toList());
    IntStream.range(0, profile.medium()).forEach(i -> app.put(mediumName(i), "^1.0.0"));

    String huge = null;
    for (int[] spec : profile.hugeVersionsAndMiB()) {
      huge = "bench-huge-" + spec[1] + "m";
      packages.add(huge(gen, huge, spec[0], spec[1] * MIB, smallNames));
    }

    String largeTgz = null;
    for (int mib : profile.bigMiB()) {
      GeneratedPackage big = sized(gen, "bench-big-" + mib + "m", mib * MIB);
      packages.add(big);
      largeTgz = big.latest().tarballPath();
      if (mib <= profile.appBigMaxMiB()) {
        app.put(big.name(), "^1.0.0");
      }
    }

    List<GeneratedPackage> bulk = IntStream.range(0, profile.bulk()).parallel()
        .mapToObj(i -> sized(gen, "bench-bulk-%02d".formatted(i), 20 * MIB)).toList();
    packages.addAll(bulk);

    GeneratedPackage popular = popular(gen);
    packages.add(popular);
    List<String> fresh = popular.versions().values().stream()
        .filter(v -> v.publishedAt().isAfter(Instant.now().minus(Duration.ofDays(1))))
        .map(GeneratedVersion::version).toList();
    return new BenchCorpus(packages, app, popular.name(),
        popular.version("4.9.6").tarballPath(), largeTgz, huge, fresh,
        bulk.stream().map(p -> p.latest().tarballPath()).toList());
  }

  /** 1-6 versions, tarballs log-uniform in 1-60 KiB, 0-3 dependencies on later small ones. */
  private static GeneratedPackage small(PackageGenerator gen, List<String> names, int i) {
    Random random = new Random(i);
    PackageBuilder pkg = gen.pkg(names.get(i));
    int versions = 1 + random.nextInt(6);
    List<String> deps = new ArrayList<>();
    int depCount = i + 1 < names.size() ? random.nextInt(4) : 0;
    for (int d = 0; d < depCount; d++) {
      deps.add(names.get(i + 1 + random.nextInt(Math.min(40, names.size() - i - 1))));
    }
    Map<String, Integer> sizes = new LinkedHashMap<>();
    for (int k = 0; k < versions; k++) {
      String version = "1.0." + k;
      pkg.version(version, v -> deps.forEach(dep -> v.dependsOn(dep, "^1.0.0")));
      sizes.put(version, (int) (KIB * Math.pow(60, random.nextDouble())));
    }
    return Payloads.grow(pkg.done(), sizes);
  }

  private static String mediumName(int i) {
    return "bench-m-%02d".formatted(i);
  }

  /** 30-300 versions over ten years; the newest three carry 60 KiB-1 MiB tarballs. */
  private static GeneratedPackage medium(PackageGenerator gen, List<String> smallNames, int i) {
    Random random = new Random(1000 + i);
    PackageBuilder pkg = gen.pkg(mediumName(i));
    int versions = 30 + random.nextInt(271);
    List<String> deps = IntStream.range(0, 2 + random.nextInt(4))
        .mapToObj(d -> smallNames.get(random.nextInt(smallNames.size()))).distinct().toList();
    Map<String, Integer> sizes = new LinkedHashMap<>();
    for (int k = 0; k < versions; k++) {
      String version = "1." + (k / 10) + "." + (k % 10);
      Instant at = spread(k, versions);
      pkg.version(version, v -> {
        v.publishedAt(at);
        deps.forEach(dep -> v.dependsOn(dep, "^1.0.0"));
      });
      if (k >= versions - 3) {
        sizes.put(version, (int) (60 * KIB * Math.pow(1024.0 / 60, random.nextDouble())));
      }
    }
    return Payloads.grow(pkg.done(), sizes);
  }

  /**
   * A package with thousands of versions whose full packument is about {@code bytes}: each
   * version carries a long description (as real ones carry long metadata) and ten dependencies,
   * so the abbreviated packument is big too.
   */
  private static GeneratedPackage huge(PackageGenerator gen, String name, int versions,
      int bytes, List<String> smallNames) {
    Random random = new Random(name.hashCode());
    PackageBuilder pkg = gen.pkg(name);
    int perVersion = Math.max(0, bytes / versions - 1100); // ~1100 bytes of fixed fields each
    for (int k = 0; k < versions; k++) {
      String version = (k / 1000 + 1) + "." + (k / 10 % 100) + "." + (k % 10);
      String description = text(random, perVersion);
      Instant at = spread(k, versions);
      List<String> deps = IntStream.range(0, 10)
          .mapToObj(d -> smallNames.get(random.nextInt(smallNames.size()))).distinct().toList();
      pkg.version(version, v -> {
        v.publishedAt(at).description(description);
        deps.forEach(dep -> v.dependsOn(dep, "^1.0.0"));
      });
    }
    return pkg.done();
  }

  /** One version, one tarball of about {@code bytes}. */
  private static GeneratedPackage sized(PackageGenerator gen, String name, int bytes) {
    GeneratedPackage pkg = gen.pkg(name).version("1.0.0").done();
    return Payloads.grow(pkg, Map.of("1.0.0", bytes));
  }

  /**
   * 400 versions (1.0.0-4.9.9) like a popular package; 4.9.6 has a 57 KiB tarball (the size the
   * issue quotes) and 4.9.7-4.9.9 were published 1-3 hours ago.
   */
  private static GeneratedPackage popular(PackageGenerator gen) {
    Random random = new Random(57);
    PackageBuilder pkg = gen.pkg("bench-popular");
    Instant now = Instant.now();
    for (int k = 0; k < 400; k++) {
      String version = (k / 100 + 1) + "." + (k / 10 % 10) + "." + (k % 10);
      Instant at = k >= 397 ? now.minus(Duration.ofHours(400 - k)) : spread(k, 397);
      pkg.version(version, v -> v.publishedAt(at).dependsOn("bench-s-001", "^1.0.0"));
    }
    GeneratedPackage built = pkg.done();
    Map<String, Integer> sizes = new LinkedHashMap<>();
    built.versions().keySet().forEach(v -> sizes.put(v, 2 * KIB + random.nextInt(8 * KIB)));
    sizes.put("4.9.6", 57 * KIB);
    return Payloads.grow(built, sizes);
  }

  /** Publish time of version k of n, evenly over the ten years before the generator's now. */
  private static Instant spread(int k, int n) {
    return TEN_YEARS_AGO.plus(Duration.ofDays(3650).multipliedBy(k).dividedBy(n));
  }

  /** Pronounceable filler of about {@code length} characters. */
  private static String text(Random random, int length) {
    String[] syllables = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "za", "dor", "lin"};
    StringBuilder text = new StringBuilder(length + 8);
    while (text.length() < length) {
      text.append(syllables[random.nextInt(syllables.length)]);
      if (random.nextInt(4) == 0) {
        text.append(' ');
      }
    }
    return text.toString();
  }
}
