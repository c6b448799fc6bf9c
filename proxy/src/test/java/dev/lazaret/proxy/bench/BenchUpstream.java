package dev.lazaret.proxy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazaret.proxy.testing.FakeUpstream;
import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.GeneratedVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark's fake upstream: generates {@link BenchCorpus}, serves it with
 * {@link FakeUpstream} on a loopback port, and writes a manifest (JSON: upstream URL, fixture
 * app, load-test targets, every tarball) for {@code bench/bench.py}. Runs until its standard
 * input closes, so it never outlives the script that started it.
 *
 * <p>Usage: {@code BenchUpstream quick|full MANIFEST.json}
 */
public final class BenchUpstream {

  private BenchUpstream() {
  }

  /** Entry point; see the class comment for the arguments. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2 || !args[0].matches("quick|full")) {
      System.err.println("usage: BenchUpstream quick|full MANIFEST.json");
      System.exit(2);
    }
    long started = System.nanoTime();
    BenchCorpus corpus = BenchCorpus.generate(
        args[0].equals("quick") ? BenchCorpus.Profile.QUICK : BenchCorpus.Profile.FULL, 5);
    try (FakeUpstream upstream = FakeUpstream.start()) {
      corpus.packages().forEach(upstream::publish);
      Path manifest = Path.of(args[1]);
      Files.writeString(manifest, manifest(corpus, upstream));
      System.out.printf("ready %s (%d packages, generated in %d ms)%n", upstream.url(),
          corpus.packages().size(), (System.nanoTime() - started) / 1_000_000);
      System.out.flush();
      while (System.in.read() != -1) {
        // Nothing to read: waiting for EOF is how the parent says "stop".
      }
    }
  }

  private static String manifest(BenchCorpus corpus, FakeUpstream upstream) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode doc = mapper.createObjectNode();
    doc.put("upstream", upstream.url().toString());
    doc.putPOJO("app", corpus.app());
    ObjectNode targets = doc.putObject("targets");
    targets.put("popular", corpus.popular());
    targets.put("huge", corpus.huge());
    targets.put("smallTarball", corpus.smallTgz());
    targets.put("largeTarball", corpus.largeTgz());
    targets.put("missing", "/bench-no-such-package");
    doc.putPOJO("freshVersions", corpus.fresh());
    doc.putPOJO("bulkTarballs", corpus.bulk());
    ObjectNode tarballs = doc.putObject("tarballs");
    long total = 0;
    for (GeneratedPackage pkg : corpus.packages()) {
      for (GeneratedVersion v : pkg.versions().values()) {
        total += v.tarball().size();
      }
      tarballs.put(pkg.name(), pkg.latest().tarballPath());
    }
    doc.put("allTarballBytes", total);
    return mapper.writeValueAsString(doc);
  }
}
