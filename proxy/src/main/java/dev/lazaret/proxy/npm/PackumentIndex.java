package dev.lazaret.proxy.npm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazaret.policy.PackageFacts;
import dev.lazaret.policy.VersionFacts;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A compact digest of one packument, parsed once per upstream change: the versions, their
 * tarballs and digests, publish times and dist-tags. Small enough to keep hot; the document itself
 * stays in the store.
 */
public final class PackumentIndex {

  private final PackageName name;
  private final Map<String, VersionEntry> versions;
  private final Map<String, String> versionByFile;
  private final Map<String, String> distTags;
  private final Instant created;
  private final Instant modified;
  private final List<VersionFacts> versionFacts;

  private PackumentIndex(PackageName name, Map<String, VersionEntry> versions,
      Map<String, String> distTags, Instant created, Instant modified,
      List<VersionFacts> versionFacts) {
    this.name = name;
    this.versions = Collections.unmodifiableMap(versions);
    this.versionFacts = List.copyOf(versionFacts);
    this.distTags = Collections.unmodifiableMap(distTags);
    this.created = created;
    this.modified = modified;
    Map<String, String> byFile = new LinkedHashMap<>();
    versions.values().forEach(v -> byFile.put(v.tarballFile(), v.version()));
    this.versionByFile = Collections.unmodifiableMap(byFile);
  }

  /**
   * Parses an upstream packument.
   *
   * @param upstreamBase resolves relative tarball URLs (some registries write them so)
   * @throws MalformedPackumentException if the document is not a packument
   */
  public static PackumentIndex parse(PackageName name, byte[] json, URI upstreamBase) {
    JsonNode root;
    try {
      root = NpmJson.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new MalformedPackumentException("upstream packument for " + name + " is not JSON: "
          + e.getMessage());
    }
    return of(name, root, upstreamBase);
  }

  /** Builds the index from an already parsed packument. */
  public static PackumentIndex of(PackageName name, JsonNode root, URI upstreamBase) {
    if (root == null || !root.isObject()) {
      throw new MalformedPackumentException("upstream packument for " + name + " is not an object");
    }
    JsonNode time = root.path("time");
    Map<String, VersionEntry> versions = new LinkedHashMap<>();
    List<VersionFacts> facts = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : root.path("versions").properties()) {
      String version = e.getKey();
      JsonNode manifest = e.getValue();
      Instant publishedAt = NpmJson.instant(time.path(version));
      facts.add(VersionFactsReader.read(version, manifest, publishedAt));
      JsonNode dist = manifest.path("dist");
      String tarballUrl = NpmJson.text(dist.path("tarball"));
      String file = tarballUrl == null ? null : lastSegment(tarballUrl);
      if (file == null || file.isEmpty()) {
        file = name.bare() + "-" + version + ".tgz";
      }
      String absolute = tarballUrl == null
          ? upstreamBase.resolve(name.pathSegment() + "/-/" + file).toString()
          : upstreamBase.resolve(tarballUrl).toString();
      versions.put(version, new VersionEntry(version, file, absolute,
          Integrity.expected(NpmJson.text(dist.path("integrity")),
              NpmJson.text(dist.path("shasum"))),
          publishedAt,
          NpmJson.text(manifest.path("_npmUser").path("name"))));
    }
    Map<String, String> tags = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.path("dist-tags").properties()) {
      if (e.getValue().isTextual()) {
        tags.put(e.getKey(), e.getValue().asText());
      }
    }
    return new PackumentIndex(name, versions, tags, NpmJson.instant(time.path("created")),
        NpmJson.instant(time.path("modified")), facts);
  }

  /** The package's name. */
  public PackageName name() {
    return name;
  }

  /** Every version the upstream lists, in document order. */
  public Map<String, VersionEntry> versions() {
    return versions;
  }

  /** The version whose tarball has this file name, if any. */
  public Optional<VersionEntry> byTarballFile(String file) {
    String v = versionByFile.get(file);
    return v == null ? Optional.empty() : Optional.of(versions.get(v));
  }

  /** The upstream's dist-tags. */
  public Map<String, String> distTags() {
    return distTags;
  }

  /** {@code time.created}, or {@code null}. */
  public Instant created() {
    return created;
  }

  /** {@code time.modified}, or {@code null}. */
  public Instant modified() {
    return modified;
  }

  /** The facts a policy judges, as served by the upstream named {@code upstream}. */
  public PackageFacts facts(String upstream) {
    return new PackageFacts(name.toString(), versionFacts, created, upstream);
  }

  /** A rough heap size in bytes, for weighing cache entries. */
  public int approximateBytes() {
    return 256 + versions.size() * 600;
  }

  private static String lastSegment(String url) {
    String path = url;
    int q = path.indexOf('?');
    if (q >= 0) {
      path = path.substring(0, q);
    }
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
