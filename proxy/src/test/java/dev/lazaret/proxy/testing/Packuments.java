package dev.lazaret.proxy.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders generated packages as the JSON documents a registry serves: the full packument, the
 * abbreviated ("corgi") one, a single version document and the {@code package.json} packed into
 * the tarball. Tarball and attestation URLs are made absolute to the given registry base.
 */
public final class Packuments {

  /** The media type of abbreviated packuments, requested and answered. */
  public static final String ABBREVIATED = "application/vnd.npm.install-v1+json";

  private Packuments() {
  }

  /** The full packument, with {@code time}, {@code maintainers} and per-version publishers. */
  public static ObjectNode full(GeneratedPackage pkg, URI base) {
    ObjectNode doc = Json.object();
    doc.put("_id", pkg.name());
    doc.put("name", pkg.name());
    doc.put("description", pkg.description());
    doc.set("dist-tags", stringMap(pkg.distTags()));
    ObjectNode versions = doc.putObject("versions");
    pkg.versions().values().forEach(v -> versions.set(v.version(), version(pkg, v, base)));
    ObjectNode time = doc.putObject("time");
    pkg.time().forEach((key, instant) -> time.put(key, Json.time(instant)));
    doc.set("maintainers", people(pkg.maintainers()));
    doc.put("license", "MIT");
    doc.put("readme", "# " + pkg.name() + "\n\n" + pkg.description() + "\n");
    doc.put("readmeFilename", "README.md");
    return doc;
  }

  /** The abbreviated packument npm asks for with {@code Accept: } {@value #ABBREVIATED}. */
  public static ObjectNode abbreviated(GeneratedPackage pkg, URI base) {
    ObjectNode doc = Json.object();
    doc.put("name", pkg.name());
    doc.put("modified", Json.time(pkg.modified()));
    doc.set("dist-tags", stringMap(pkg.distTags()));
    ObjectNode versions = doc.putObject("versions");
    for (GeneratedVersion v : pkg.versions().values()) {
      ObjectNode abbreviated = versions.putObject(v.version());
      abbreviated.put("name", v.name());
      abbreviated.put("version", v.version());
      if (!v.dependencies().isEmpty()) {
        abbreviated.set("dependencies", stringMap(v.dependencies()));
      }
      v.deprecation().ifPresent(message -> abbreviated.put("deprecated", message));
      if (v.hasInstallScript()) {
        abbreviated.put("hasInstallScript", true);
      }
      abbreviated.set("dist", dist(v, base));
    }
    return doc;
  }

  /** One version document, as {@code GET /{name}/{version}} and the packument carry it. */
  public static ObjectNode version(GeneratedPackage pkg, GeneratedVersion v, URI base) {
    ObjectNode doc = manifest(v.name(), v.version(), v.description(), v.dependencies(),
        v.scripts());
    doc.put("_id", v.id());
    v.deprecation().ifPresent(message -> doc.put("deprecated", message));
    doc.set("_npmUser", person(v.publisher()));
    doc.set("maintainers", people(pkg.maintainers()));
    doc.put("_hasShrinkwrap", false);
    doc.set("dist", dist(v, base));
    return doc;
  }

  /** The {@code package.json} that goes into the tarball. */
  static ObjectNode manifest(String name, String version, String description,
      Map<String, String> dependencies, Map<String, String> scripts) {
    ObjectNode doc = Json.object();
    doc.put("name", name);
    doc.put("version", version);
    doc.put("description", description);
    doc.put("main", "index.js");
    doc.put("license", "MIT");
    if (!scripts.isEmpty()) {
      doc.set("scripts", stringMap(scripts));
    }
    if (!dependencies.isEmpty()) {
      doc.set("dependencies", stringMap(dependencies));
    }
    return doc;
  }

  private static ObjectNode dist(GeneratedVersion v, URI base) {
    ObjectNode dist = Json.object();
    if (!v.legacyShasumOnly()) {
      dist.put("integrity", v.tarball().integrity());
    }
    dist.put("shasum", v.tarball().shasum());
    dist.put("tarball", root(base) + v.tarballPath());
    long[] stats = UNPACKED.computeIfAbsent(v.tarball().integrity(), k -> unpackedStats(v));
    dist.put("fileCount", stats[0]);
    dist.put("unpackedSize", stats[1]);
    if (v.provenance()) {
      ObjectNode attestations = dist.putObject("attestations");
      attestations.put("url", root(base) + "/-/npm/v1/attestations/" + v.id());
      attestations.putObject("provenance").put("predicateType", "https://slsa.dev/provenance/v1");
    }
    return dist;
  }

  /** Tarball integrity to {file count, unpacked bytes}: unpacking once per tarball is enough. */
  private static final Map<String, long[]> UNPACKED = new ConcurrentHashMap<>();

  private static long[] unpackedStats(GeneratedVersion v) {
    Map<String, byte[]> files = Tarball.unpack(v.tarball().bytes());
    return new long[] {files.size(), files.values().stream().mapToLong(b -> b.length).sum()};
  }

  private static String root(URI base) {
    String text = base.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  private static ObjectNode stringMap(Map<String, String> map) {
    ObjectNode node = Json.object();
    map.forEach(node::put);
    return node;
  }

  private static ArrayNode people(List<Person> people) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    people.forEach(p -> array.add(person(p)));
    return array;
  }

  private static ObjectNode person(Person p) {
    return Json.object().put("name", p.name()).put("email", p.email());
  }
}
